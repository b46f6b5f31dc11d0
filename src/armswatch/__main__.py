"""`python -m armswatch` runs the CLI."""
from .cli import main

main()
