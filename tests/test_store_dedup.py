"""Near-duplicate detection: our numpy MinHash is datasketch's, and the LSH bands find republished stories."""
from __future__ import annotations

import numpy as np

from armswatch.store import dedup
from armswatch.store.text import folded_index_text, tokens

STORY = ("Bộ Ngoại giao Trung Quốc ngày 30/10 cho biết hai quốc gia sẽ tham vấn về kiểm soát vũ khí và không phổ "
         "biến vũ khí hạt nhân trong những ngày tới, cũng như tổ chức các cuộc đàm phán riêng về các vấn đề hàng hải. "
         "Các cuộc đàm phán sẽ do ông Mallory Stewart và ông Sun Xiaobo chủ trì. Hiện Bộ Ngoại giao Mỹ chưa đưa ra "
         "bình luận nào về thời gian hoặc hình thức các cuộc đàm phán.")


def test_signature_equals_datasketch_legacy_minhash():
    from datasketch import MinHash

    toks = tokens(STORY)
    m = MinHash(num_perm=dedup.NUM_PERM, seed=dedup.SEED, scheme="legacy")
    m.update_batch([s.encode("utf-8") for s in dedup.shingles(toks)])
    assert np.array_equal(dedup.signature(toks), m.hashvalues.astype(np.uint64))


def test_folding_is_offset_preserving_and_tokens_match_both_backends():
    assert folded_index_text("Đầu đạn: 1.000, “Tập Cận Bình”!") == "dau dan 1 000 tap can binh"
    assert tokens("ĐẦU-ĐẠN_x") == ["dau", "dan", "x"]


def test_republished_story_is_a_candidate_and_other_stories_are_not():
    a = dedup.signature(tokens(STORY))
    b = dedup.signature(tokens("VTV - " + STORY.replace("ngày 30/10", "hôm 30/10") + " (Theo Reuters)"))
    c = dedup.signature(tokens("Nga và Mỹ sẽ đàm phán về ổn định chiến lược tại Geneva vào ngày 28/7 tới đây, "
                               "theo Bộ Ngoại giao Nga. " * 3))
    assert dedup.jaccard(a, b) >= dedup.THRESHOLD
    assert set(dedup.band_hashes(a)) & set(dedup.band_hashes(b))
    assert dedup.jaccard(a, c) < 0.2 and not set(dedup.band_hashes(a)) & set(dedup.band_hashes(c))


def test_store_links_duplicate_to_the_first_copy(tmp_path):
    from store_helpers import make_doc

    from armswatch.store import Store

    st = Store(f"sqlite:///{tmp_path / 'd.db'}")
    docs = [make_doc("a", [STORY]), make_doc("b", ["Tin: " + STORY]), make_doc("c", [STORY + " Hết."]),
            make_doc("z", ["Một câu chuyện hoàn toàn khác về Nhật Bản và Hàn Quốc, không liên quan gì."])]
    for d in docs:
        st.store_document(d, d.body.encode())
    from sqlalchemy import select

    from armswatch.store import schema as s

    with st.session() as sess:
        dup = dict(sess.execute(select(s.Document.doc_id, s.Document.dup_of)).all())
        links = sess.execute(select(s.DupLink.doc_id, s.DupLink.other_doc_id)).all()
    assert dup == {"a": None, "b": "a", "c": "a", "z": None}  # c is linked to a's cluster, not to b
    assert ("b", "a") in links and ("c", "a") in links


def test_fast_fold_equals_nlp_fold():
    from conftest import SEEDS

    from armswatch.nlp import fold as slow
    from armswatch.store.text import fold as fast

    texts = [p.read_text(encoding="utf-8") for p in SEEDS] + ["ĐẦU ĐẠN Ǆ ﬁ ß İ ŉ 𝔘 e\u0301 Ω Å"]
    for t in texts:
        assert fast(t) == slow(t) and len(fast(t)) == len(t)
