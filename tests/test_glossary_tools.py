"""``cleanup glossary`` add / find / suggest / stats / import / export / schema, and layering.

Everything that writes goes to a temporary directory; the bundled glossary is only read.
"""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleanup.cli import app
from cleanup.glossary.loader import bundled_dir, load_glossary
from cleanup.glossary.records import comparable, record_of

runner = CliRunner()
ONLY = "--no-default-glossary"


def run(*args: object, stdin: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, [str(a) for a in args], input=stdin)


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cache_dir: Path) -> None:
    monkeypatch.chdir(tmp_path)  # user glossary files are shown relative to the working directory
    monkeypatch.setenv("CLEANUP_CACHE_DIR", str(cache_dir))  # compiled glossaries, shared by the tests


def entries_of(path: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    loaded = load_glossary([path], use_default=False)
    assert loaded.problems == []
    return {e.id: record_of(e).fields for e in loaded.entries}


COMMENTED = """\
# My glossary: terms our desk keeps needing.
kind: term
entries:
  # --- agencies ---
  - id: alpha-agency
    zh: 阿尔法署
    en: Alpha Agency
    note: "first"   # keep this comment
    examples:
      - in: "the 阿尔法署 said"
        out: "the Alpha Agency said"

  # --- zeta block ---
  - id: zeta-bureau
    zh: [泽塔局]
    en: Zeta Bureau
    note: last
    examples:
      - {in: "the 泽塔局 said", out: "the Zeta Bureau said"}
"""


# ---- add ---------------------------------------------------------------------------------------


def test_add_inserts_sorted_and_keeps_every_other_line(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    result = run("glossary", "add", "--zh", "米兰委", "--en", "Milan Commission", "--note", "own name", ONLY, "-g", path)
    assert result.exit_code == 0, result.output
    assert "added milan-commission to mine.yaml:13" in result.stdout
    new = path.read_text(encoding="utf-8").splitlines(keepends=True)
    old = COMMENTED.splitlines(keepends=True)
    at = next(i for i, line in enumerate(new) if "id: milan-commission" in line)
    block_end = next(i for i in range(at + 1, len(new)) if not new[i].startswith("    "))
    assert new[:at] + new[block_end:] == old  # nothing else moved or changed
    assert new[at - 1] == "\n" and new[block_end] == "  # --- zeta block ---\n"  # before the comment of the next entry
    fields = entries_of(path)["milan-commission"]
    assert fields["zh"] == ["米兰委"] and fields["en"] == "Milan Commission" and fields["note"] == "own name"
    assert fields["examples"] == [{"in": "They discussed 米兰委 on Monday.", "out": "They discussed the Milan Commission on Monday."}]


def test_add_after_last_and_creates_missing_file(tmp_path: Path) -> None:
    result = run("glossary", "add", "--en", "Xavier Ye", "--wrong", "Xavier Yee", "--wrong", "Javier Ye", ONLY, "-g", "new")
    assert result.exit_code == 0, result.output
    assert "new/terms.yaml:4" in result.stdout
    path = tmp_path / "new" / "terms.yaml"
    fields = entries_of(path)["xavier-ye"]
    assert fields["wrong"] == ["Xavier Yee", "Javier Ye"]
    assert fields["examples"] == [{"in": "They discussed Xavier Yee on Monday.", "out": "They discussed Xavier Ye on Monday."}]
    assert run("glossary", "add", "--en", "Zed Zee", "--variant", "Zed Zea", ONLY, "-g", "new").exit_code == 0
    ids = list(entries_of(path))
    assert ids == sorted(ids) == ["xavier-ye", "zed-zee"]
    fixed = run("fix", "-", "-q", ONLY, "-g", "new", stdin="Zed Zee met Zed Zea and Javier Ye.")
    assert fixed.stdout == "Zed Zee met Zed Zee and Xavier Ye."


def test_add_examples_option_and_dry_run(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    result = run(
        "glossary", "add", "--zh", "贝塔处", "--en", "Beta Office", "--safety", "suggestion", "--id", "beta",
        "--example", "the 贝塔处 said=>the Beta Office said", "--example", "a beta test", "--dry-run", ONLY, "-g", path,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8") == COMMENTED
    assert "  - id: beta\n    zh: 贝塔处\n    en: Beta Office\n    safety: suggestion\n" in result.stdout
    assert '      - in: "a beta test"\n' in result.stdout and "would add beta to mine.yaml:13" in result.stderr


@pytest.mark.parametrize(
    ("args", "what"),
    [
        (["--zh", "阿爾法署", "--en", "Other", "--id", "other"], "Chinese key '阿爾法署' is already in alpha-agency (mine.yaml:5)"),
        (["--zh", "新词", "--en", "Alpha Agency"], "id 'alpha-agency' is already in alpha-agency (mine.yaml:5)"),
    ],
)
def test_add_refuses_duplicates_with_file_line(tmp_path: Path, args: list[str], what: str) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    result = run("glossary", "add", *args, ONLY, "-g", path)
    assert result.exit_code == 2
    assert what in result.stderr and result.stderr.count("\n") == 1
    assert path.read_text(encoding="utf-8") == COMMENTED


def test_add_refuses_english_key_differing_only_in_case(tmp_path: Path) -> None:
    assert run("glossary", "add", "--en", "Mignon Houston", "--wrong", "Minion Houston", ONLY, "-g", "g").exit_code == 0
    again = run("glossary", "add", "--en", "Minnie Houston", "--wrong", "MINION houston", ONLY, "-g", "g")
    assert again.exit_code == 2
    assert "English key 'MINION houston' is already in mignon-houston (g/terms.yaml:4)" in again.stderr


def test_add_over_bundled_needs_override(tmp_path: Path) -> None:
    refused = run("glossary", "add", "--zh", "普惠", "--en", "inclusive", "--id", "house-puhui", "-g", "user")
    assert refused.exit_code == 2 and "--override" in refused.stderr
    assert "Chinese key '普惠' is already in " in refused.stderr and "glossary/" in refused.stderr
    assert not (tmp_path / "user").exists()
    added = run("glossary", "add", "--zh", "普惠", "--en", "inclusive", "--id", "house-puhui", "--override", "-g", "user")
    assert added.exit_code == 0, added.output
    assert run("fix", "-", "-q", "-g", "user", stdin="open and普惠 trade").stdout == "open and inclusive trade"
    check = run("glossary", "check", "-g", "user")
    assert check.exit_code == 0, check.output
    assert "note: user/terms.yaml:5: house-puhui: key '普惠' overrides universally-beneficial (glossary/" in check.stderr


def test_add_that_breaks_the_glossary_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    bad_example = run("glossary", "add", "--zh", "伽马", "--en", "Gamma", "--example", "the 伽马 said=>the Delta said", ONLY, "-g", path)
    assert bad_example.exit_code == 2
    assert "gamma: example 'the 伽马 said' gave 'the Gamma said', expected 'the Delta said'" in bad_example.stdout
    assert "gamma not added" in bad_example.stderr
    chain = run("glossary", "add", "--en", "the 阿尔法署 office", "--wrong", "Alpha Office", "--id", "chain", ONLY, "-g", path)
    assert chain.exit_code == 2 and "chain not added" in chain.stderr
    assert path.read_text(encoding="utf-8") == COMMENTED


@pytest.mark.parametrize(("text", "code"), [("the affected area躐 grew\n", "ZH003"), ("a Wei躐 report\n", "ZH002")])
def test_add_command_printed_by_zh002_zh003_is_valid(tmp_path: Path, text: str, code: str) -> None:
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    check = run("check", "a.txt", "--select", code, "--format", "json")
    message = next(f["message"] for f in json.loads(check.stdout) if f["code"] == code)
    args = shlex.split(message.split("cover it with: ", 1)[1].replace("ENGLISH", "trample"))
    assert args[:5] == ["cleanup", "glossary", "add", "--zh", "躐"]
    added = run(*args[1:], "-g", "user")
    assert added.exit_code == 0, added.output
    english = args[args.index("--en") + 1]
    assert entries_of(tmp_path / "user" / "terms.yaml")[english.lower().replace(" ", "-")]["zh"] == ["躐"]
    (tmp_path / "b.txt").write_text("the area躐 grew\n", encoding="utf-8")
    assert run("fix", "b.txt", "-q", "-g", "user").stdout == f"the area {english} grew\n"


def test_add_chooses_file_by_neighbours_or_asks(tmp_path: Path) -> None:
    root = tmp_path / "g"
    root.mkdir()
    (root / "government.yaml").write_text(_file("term", [("finance", "财政部", "Ministry of Finance"), ("commerce", "商务部", "Ministry of Commerce")]), encoding="utf-8")
    (root / "places.yaml").write_text(_file("term", [("hebei", "河北省", "Hebei"), ("hunan", "湖南省", "Hunan")]), encoding="utf-8")
    chosen = run("glossary", "add", "--zh", "教育部", "--en", "Ministry of Education", ONLY, "-g", root)
    assert chosen.exit_code == 0, chosen.output
    assert "g/government.yaml:" in chosen.stdout and "2 of its entries end in '部'" in chosen.stdout
    asked = run("glossary", "add", "--zh", "某物", "--en", "Something", ONLY, "-g", root)
    assert asked.exit_code == 2 and "choose one with --file NAME" in asked.stderr and "government, places" in asked.stderr
    told = run("glossary", "add", "--zh", "某物", "--en", "Something", "--file", "places", ONLY, "-g", root)
    assert told.exit_code == 0 and "g/places.yaml" in told.stdout
    wrong_kind = run("glossary", "add", "--zh", "某事", "--en", "X", "--kind", "idiom", "--file", "places", ONLY, "-g", root)
    assert wrong_kind.exit_code == 2 and "holds term entries, not idiom" in wrong_kind.stderr


def test_add_into_broken_file_is_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("kind: term\nentries:\n  - id: [oops\n", encoding="utf-8")
    result = run("glossary", "add", "--zh", "某物", "--en", "Something", ONLY, "-g", path)
    assert result.exit_code == 2 and "broken.yaml" in result.stderr and "Traceback" not in result.output
    assert path.read_text(encoding="utf-8") == "kind: term\nentries:\n  - id: [oops\n"


def test_add_refuses_installed_bundled_glossary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    installed = tmp_path / "site" / "cleanup" / "_glossary"
    installed.mkdir(parents=True)
    monkeypatch.setattr("cleanup.glossary.place.bundled_dir", lambda: installed)
    result = run("glossary", "add", "--zh", "某物", "--en", "Something")
    assert result.exit_code == 2 and "write to your own with --glossary DIR" in result.stderr
    assert run("glossary", "add", "--zh", "某物", "--en", "Something", ONLY).exit_code == 2


def _file(kind: str, rows: list[tuple[str, str, str]]) -> str:
    body = "".join(
        f"  - id: {i}\n    zh: {zh}\n    en: {en}\n    note: n\n    examples:\n      - in: \"the {zh} said\"\n        out: \"the {en} said\"\n"
        for i, zh, en in rows
    )
    return f"kind: {kind}\nentries:\n{body}"


def test_insert_keeps_crlf_and_opens_an_empty_flow_list() -> None:
    from cleanup.glossary.insert import insert_records
    from cleanup.glossary.loader import load_text
    from cleanup.glossary.records import Record
    from cleanup.glossary.render import render_entry

    record = Record("term", "t", {"id": "b", "zh": ["乙"], "en": "B", "note": "n", "examples": [{"in": "乙", "out": "B"}]})
    crlf = COMMENTED.replace("\n", "\r\n")
    new = insert_records(crlf, [record], "t.yaml")
    block = render_entry(record)
    assert "\n" not in new.replace("\r\n", "") and new.count("\r\n") == crlf.count("\r\n") + block.count("\n")
    assert [e.id for e in load_text(new, "t.yaml")[0]] == ["alpha-agency", "b", "zeta-bureau"]
    empty = insert_records("# mine\nkind: term\nentries: []\n", [record], "t.yaml")
    assert empty.startswith("# mine\nkind: term\nentries:\n  - id: b\n")
    assert [e.id for e in load_text(empty, "t.yaml")[0]] == ["b"]


def test_insert_refuses_a_flow_list_it_cannot_extend_in_place() -> None:
    from cleanup.errors import CleanupError
    from cleanup.glossary.insert import insert_records
    from cleanup.glossary.records import Record

    with pytest.raises(CleanupError, match=r"t.yaml:2: 'entries' is a flow list"):
        insert_records("kind: term\nentries: [{id: a, en: A, zh: 甲, note: n, examples: [{in: 甲}]}]\n", [Record("term", "t", {"id": "b"})], "t.yaml")


def test_values_that_yaml_would_misread_are_quoted() -> None:
    from cleanup.glossary.loader import load_text
    from cleanup.glossary.records import Record
    from cleanup.glossary.render import render_file

    tricky = ["yes", "2024", "a: b", "#hash", "null", "x, y", "\u3000", "tab\there", '"quoted"']
    record = Record("term", "t", {"id": "t", "zh": ["甲"], "en": "T", "wrong": tricky, "note": "n: m", "examples": [{"in": "甲\nb", "out": "T\nb"}]})
    text = render_file("term", [record])
    assert "\\u3000" in text and "\u3000" not in text  # escaped, never a raw invisible character
    entries, problems = load_text(text, "t.yaml")
    assert problems == [] and record_of(entries[0]).fields == record.fields


# ---- find --------------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["人民日報", "人民日报", "renmin ribao", "Rénmín Rìbào", "ren2 min2 ri4 bao4", "RenminRibao"])
def test_find_by_chinese_either_script_and_pinyin(query: str) -> None:
    result = run("glossary", "find", query)
    assert result.exit_code == 0, result.output
    first = result.stdout.splitlines()[0]
    entry = load_glossary().by_id()["peoples-daily"]
    assert first == f"{entry.file}:{entry.line} peoples-daily: {' / '.join(entry.zh)} → People's Daily"


def test_find_by_english_wrong_and_substring(tmp_path: Path) -> None:
    run("glossary", "add", "--en", "Mignon Houston", "--wrong", "Minion Houston", ONLY, "-g", "g")
    for query in ("minion houston", "MIGNON", "houst"):
        result = run("glossary", "find", query, ONLY, "-g", "g")
        assert result.stdout == "g/terms.yaml:4 mignon-houston: Minion Houston → Mignon Houston\n", query
    missing = run("glossary", "find", "nothing like it", ONLY, "-g", "g")
    assert missing.exit_code == 1 and missing.stdout == "" and "no entry matches" in missing.stderr


def test_no_default_glossary_uses_only_the_given_ones(tmp_path: Path) -> None:
    run("glossary", "add", "--en", "Mignon Houston", "--wrong", "Minion Houston", ONLY, "-g", "g")
    assert run("glossary", "find", "人民日报", ONLY, "-g", "g").exit_code == 1
    assert run("glossary", "find", "人民日报", "-g", "g").exit_code == 0


# ---- suggest and stats ---------------------------------------------------------------------------

# Pao星: a mixed token no entry resolves (Wei星 would be 卫星, satellite, a glossary entry).
CORPUS_A = "The 揭榜挂帅 scheme grew. Then 揭榜掛帥 again.\nA Pao星 report. The 人民日报 said.\n"
CORPUS_B = "Under 揭榜挂帅, firms bid. The 蓝天保卫战 went on.\n"


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(CORPUS_A, encoding="utf-8")
    (corpus / "b.md").write_text(CORPUS_B, encoding="utf-8")
    (corpus / "skip.bin").write_bytes(b"\x00\x01")
    return corpus


def test_suggest_ranks_by_frequency_with_context_and_stub(tmp_path: Path) -> None:
    from cleanup.glossary.mining import fallback_available

    corpus = _corpus(tmp_path)
    result = run("glossary", "suggest", corpus.name, "-o", "stub.yaml")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("    3× 揭榜挂帅 (jiē bǎng guà shuài) in 2 file(s)")  # 掛帥 folded into 挂帅
    assert lines[1] == "       corpus/a.txt:1: The 揭榜挂帅 scheme grew. Then 揭榜掛帥 again."
    assert lines[2] == "       corpus/b.md:1: Under 揭榜挂帅, firms bid. The 蓝天保卫战 went on."
    assert any(line.startswith("    1× Pao星 (mixed token)") for line in lines)
    assert not any("人民日报" in line for line in lines if not line.startswith("       "))  # the glossary covers it
    assert fallback_available() or "→" not in lines[0]  # without the fallback: pinyin only
    proposed = lines[0].split("→ ", 1)[1].rsplit(" [", 1)[0] if "→" in lines[0] else "TODO"
    stub = entries_of(tmp_path / "stub.yaml")
    first = next(iter(stub.values()))
    assert first["zh"] == ["揭榜挂帅"] and first["note"].startswith("TODO") and first["en"] == proposed
    assert first["examples"][0]["in"] == "The 揭榜挂帅 scheme grew."
    assert first["examples"][0]["out"] == f"The {first['en']} scheme grew."
    assert "#   1× Pao星  (corpus/a.txt:2)" in (tmp_path / "stub.yaml").read_text(encoding="utf-8")


def test_suggest_missing_file_is_one_line_error(tmp_path: Path) -> None:
    result = run("glossary", "suggest", tmp_path / "nope.txt")
    assert result.exit_code == 2 and "nope.txt: no such file" in result.stderr and "Traceback" not in result.output


def test_stats_counts_hits_by_rule_and_lists_unused(tmp_path: Path) -> None:
    run("glossary", "add", "--zh", "甲乙", "--en", "Jiayi", ONLY, "-g", "g")
    run("glossary", "add", "--en", "Mignon Houston", "--wrong", "Minion Houston", ONLY, "-g", "g")
    run("glossary", "add", "--zh", "丙丁", "--en", "Bingding", ONLY, "-g", "g")
    (tmp_path / "c.txt").write_text("甲乙 and 甲乙 met Minion Houston. 戊己 too.\n", encoding="utf-8")
    result = run("glossary", "stats", "c.txt", ONLY, "-g", "g")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "     2  jiayi  g/terms.yaml:11  ZH001 applied×2"
    assert lines[1] == "     1  mignon-houston  g/terms.yaml:18  EN001 applied×1"
    assert lines[2].startswith("     1  (no entry)  ZH003 ")  # suggested or report-only, as the fallback knows 戊己
    assert lines[3:] == ["never fired (1 of 3 entries):", "  g/terms.yaml:4 bingding"]
    data = json.loads(run("glossary", "stats", "c.txt", "--format", "json", ONLY, "-g", "g").stdout)
    assert data["hits"]["jiayi"] == {"where": "g/terms.yaml:11", "total": 2, "by": {"ZH001 applied": 2}}
    assert data["unused"] == [{"id": "bingding", "where": "g/terms.yaml:4"}]
    bad = run("glossary", "stats", "c.txt", "--format", "xml", ONLY, "-g", "g")
    assert bad.exit_code == 2 and "unknown format 'xml'" in bad.stderr


# ---- export and import ----------------------------------------------------------------------------


def _bundled_records() -> list[tuple[str, str, str]]:
    return sorted(comparable(record_of(e)) for e in load_glossary().entries)


@pytest.mark.parametrize(("fmt", "extra"), [("tbx", []), ("csv", [])])
def test_export_import_round_trips_the_bundled_glossary(tmp_path: Path, fmt: str, extra: list[str]) -> None:
    exported = run("glossary", "export", "--format", fmt, "-o", f"all.{fmt}", *extra)
    assert exported.exit_code == 0, exported.output
    imported = run("glossary", "import", f"all.{fmt}", ONLY, "-g", "copy")
    assert imported.exit_code == 0, imported.output
    assert "skipped 0" in imported.stdout
    copied = sorted(comparable(record_of(e)) for e in load_glossary([tmp_path / "copy"], use_default=False).entries)
    assert copied == _bundled_records()
    assert sorted(p.name for p in (tmp_path / "copy").glob("*.yaml")) == sorted(p.name for p in bundled_dir().glob("*.yaml"))


def test_tbx_version_2_round_trips_without_loss(tmp_path: Path) -> None:
    from cleanup.glossary.tbx import read_tbx

    result = run("glossary", "export", "--format", "tbx", "--tbx-version", "2", "-o", "v2.tbx")
    assert result.exit_code == 0
    text = (tmp_path / "v2.tbx").read_text(encoding="utf-8")
    assert "<martif " in text and "<termEntry " in text and "<langSet " in text and "<tig>" in text
    found = read_tbx(tmp_path / "v2.tbx", "v2.tbx", "v2", "suggestion")
    assert found.skipped == [] and sorted(comparable(r) for r in found.records) == _bundled_records()


def test_tbx_export_structure() -> None:
    result = run("glossary", "export", "--format", "tbx")
    import xml.etree.ElementTree as ET

    root = ET.fromstring(result.stdout)
    ns = {"t": "urn:iso:std:iso:30042:ed-2"}
    assert root.tag == "{urn:iso:std:iso:30042:ed-2}tbx" and root.get("type") == "TBX-Basic"
    entry = root.find(".//t:conceptEntry[@id='peoples-daily']", ns)
    assert entry is not None
    langs = [s.get("{http://www.w3.org/XML/1998/namespace}lang") for s in entry.findall("t:langSec", ns)]
    assert langs == ["zh", "en"]
    zh_term = entry.find("t:langSec/t:termSec/t:term", ns)
    assert zh_term is not None and zh_term.text == "人民日报"
    assert entry.find("t:note", ns) is not None and entry.find("t:descrip[@type='subjectField']", ns).text == "media"  # type: ignore[union-attr]


FOREIGN_V2 = """\
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">
<martif type="TBX-Basic" xml:lang="en-US">
  <martifHeader>
    <fileDesc><titleStmt><title>Client termbase</title></titleStmt>
      <sourceDesc><p>Exported from a CAT tool</p></sourceDesc></fileDesc>
    <encodingDesc><p type="XCSURI">TBXBasicXCSV02.xcs</p></encodingDesc>
  </martifHeader>
  <text><body>
    <termEntry id="c1">
      <descrip type="subjectField">Energy</descrip>
      <transacGrp><transac type="transactionType">origination</transac><date>2024-03-01</date></transacGrp>
      <langSet xml:lang="zh-CN">
        <tig><term>光伏组件</term><termNote type="partOfSpeech">noun</termNote></tig>
      </langSet>
      <langSet xml:lang="en-US">
        <descrip type="definition">A panel of solar cells
          that turns light into electricity.</descrip>
        <tig><term>photovoltaic module</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
        <tig><term>PV panel</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig>
        <tig><term>photo-voltaic module</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
      </langSet>
      <langSet xml:lang="de"><tig><term>Photovoltaikmodul</term></tig></langSet>
    </termEntry>
    <termEntry id="c2">
      <note>Use the full form in headlines.</note>
      <langSet xml:lang="zh-Hant"><ntig><termGrp><term>新能源車輛</term></termGrp></ntig></langSet>
      <langSet xml:lang="en"><ntig><termGrp><term>new energy vehicles</term>
        <termNote type="normativeAuthorization">preferredTerm</termNote></termGrp></ntig></langSet>
    </termEntry>
    <termEntry id="c3">
      <langSet xml:lang="de"><tig><term>Netz</term></tig></langSet>
      <langSet xml:lang="en"><tig><term>grid</term></tig></langSet>
    </termEntry>
    <termEntry id="c4">
      <langSet xml:lang="zh"><tig><term>储能</term></tig></langSet>
    </termEntry>
  </body></text>
</martif>
"""

FOREIGN_V3 = """\
<?xml version="1.0" encoding="utf-8"?>
<?xml-model href="TBXcoreStructV03_TBX-Basic_integrated.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>TBX file, created via MultiTerm Export</p></sourceDesc></fileDesc></tbxHeader>
  <text>
    <body>
      <conceptEntry id="c7">
        <descrip type="subjectField">Trade</descrip>
        <xref type="xGraphic" target="https://example.org/port.jpg">port.jpg</xref>
        <langSec xml:lang="en">
          <descripGrp><descrip type="definition">A free trade zone with one customs regime.</descrip><admin type="source">Handbook</admin></descripGrp>
          <termSec>
            <term>free trade port</term>
            <termNote type="partOfSpeech">noun</termNote>
            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
            <descripGrp><descrip type="context">Hainan is building a free trade port.</descrip></descripGrp>
          </termSec>
          <termSec><term>free-trade harbour</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></termSec>
        </langSec>
        <langSec xml:lang="zh-Hans"><termSec><term>自由贸易港</term></termSec><termSec><term>自贸港</term></termSec></langSec>
      </conceptEntry>
    </body>
  </text>
</tbx>
"""


def test_import_tbx_v2_from_another_tool(tmp_path: Path) -> None:
    (tmp_path / "client.tbx").write_text(FOREIGN_V2, encoding="utf-8")
    result = run("glossary", "import", "client.tbx", ONLY, "-g", "g")
    assert result.exit_code == 0, result.output
    assert "imported 2 of 4 entries: g/client.yaml (2); skipped 2" in result.stdout
    assert "skipped client.tbx: entry 3 (c3): no Chinese term and no other English form: nothing to match" in result.stderr
    assert "skipped client.tbx: entry 4 (c4): no English term (or only deprecated ones)" in result.stderr
    assert "note: client.tbx: ignored language sections: de" in result.stderr
    got = entries_of(tmp_path / "g" / "client.yaml")
    pv = got["photovoltaic-module"]
    assert pv["zh"] == ["光伏组件"] and pv["en"] == "photovoltaic module"
    assert pv["variants"] == ["PV panel"] and pv["wrong"] == ["photo-voltaic module"] and pv["safety"] == "suggestion"
    assert pv["note"] == "A panel of solar cells that turns light into electricity."
    nev = got["new-energy-vehicles"]
    assert nev["zh"] == ["新能源車輛"] and nev["note"] == "Use the full form in headlines."
    fixed = run("fix", "-", "-q", "--suggestions", ONLY, "-g", "g", stdin="sales of 新能源车辆 rose")
    assert fixed.stdout == "sales of new energy vehicles rose"


def test_import_tbx_v3_with_namespace_and_extra_elements(tmp_path: Path) -> None:
    (tmp_path / "trade.tbx").write_text(FOREIGN_V3, encoding="utf-8")
    result = run("glossary", "import", "trade.tbx", "--safety", "safe", "--file", "policy", ONLY, "-g", "g")
    assert result.exit_code == 0, result.output
    port = entries_of(tmp_path / "g" / "policy.yaml")["free-trade-port"]
    assert port["zh"] == ["自由贸易港", "自贸港"] and port["wrong"] == ["free-trade harbour"]
    assert port["note"] == "A free trade zone with one customs regime." and "safety" in port
    assert run("fix", "-", "-q", ONLY, "-g", "g", stdin="the 自贸港 plan").stdout == "the free trade port plan"


def test_import_skips_duplicates_with_file_line(tmp_path: Path) -> None:
    (tmp_path / "client.tbx").write_text(FOREIGN_V2, encoding="utf-8")
    assert run("glossary", "import", "client.tbx", ONLY, "-g", "g").exit_code == 0
    again = run("glossary", "import", "client.tbx", ONLY, "-g", "g")
    assert again.exit_code == 0 and "imported 0 of 4" in again.stdout
    line = load_glossary([tmp_path / "g"], use_default=False).by_id()["photovoltaic-module"].line
    where = f"g/client.yaml:{line}"
    assert f"skipped client.tbx: entry 1 (c1): photovoltaic-module: id 'photovoltaic-module' is already in photovoltaic-module ({where})" in again.stderr


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("broken.tbx", "<martif><text><body><termEntry></body></text></martif>", "broken.tbx:1: not well-formed XML (mismatched tag)"),
        ("bomb.tbx", '<?xml version="1.0"?>\n<!DOCTYPE martif [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>\n<martif>&b;</martif>',
         "bomb.tbx:2: entity declarations are not allowed"),
        ("other.tbx", "<html><body/></html>", "other.tbx:1: not a TBX file (root element <html>"),
        ("empty.tbx", "<martif><text><body/></text></martif>", "empty.tbx: no termEntry or conceptEntry elements"),
        ("terms.txt", "zh,en\n", "terms.txt: unknown format '.txt'; use --format tbx or csv"),
        ("nocols.csv", "chinese,english\n光伏,photovoltaic\n", "nocols.csv:1: missing columns"),
        ("missing.csv", None, "missing.csv: no such file"),
    ],
)  # fmt: skip
def test_import_bad_files_are_one_line_errors(tmp_path: Path, name: str, content: str | None, message: str) -> None:
    if content is not None:
        (tmp_path / name).write_text(content, encoding="utf-8")
    result = run("glossary", "import", name, ONLY, "-g", "g")
    assert result.exit_code == 2, result.output
    assert message in result.stderr and result.stderr.count("\n") == 1 and "Traceback" not in result.output
    assert not (tmp_path / "g").exists()


def test_import_csv_from_a_spreadsheet_reports_bad_rows(tmp_path: Path) -> None:
    sheet = (
        "\ufeffzh,en,wrong,note,examples,colour\n"
        "光伏组件,photovoltaic module,,From the client's style guide.,,red\n"
        '"储能\n儲能",energy storage,,,"[{""in"": ""the 储能 market"", ""out"": ""the energy storage market""}]",\n'
        "电网,power grid,,,not json,\n"
        ",no chinese,,,,\n"
    )
    (tmp_path / "sheet.csv").write_text(sheet, encoding="utf-8")
    result = run("glossary", "import", "sheet.csv", ONLY, "-g", "g")
    assert result.exit_code == 0, result.output
    assert "imported 2 of 4 entries" in result.stdout
    assert "note: sheet.csv:1: ignored columns: colour" in result.stderr
    assert "skipped sheet.csv:5: examples: not JSON" in result.stderr
    assert "skipped sheet.csv:6: no Chinese term and no other English form: nothing to match" in result.stderr
    got = entries_of(tmp_path / "g" / "sheet.yaml")
    assert got["energy-storage"]["zh"] == ["储能", "儲能"]
    assert got["energy-storage"]["examples"] == [{"in": "the 储能 market", "out": "the energy storage market"}]
    assert got["photovoltaic-module"]["note"] == "From the client's style guide."


def test_export_unknown_format_and_version() -> None:
    assert "unknown format 'xlsx'" in run("glossary", "export", "--format", "xlsx").stderr
    assert "unknown TBX version '4'" in run("glossary", "export", "--tbx-version", "4").stderr


# ---- schema ------------------------------------------------------------------------------------------


def _validator():  # type: ignore[no-untyped-def]
    jsonschema = pytest.importorskip("jsonschema")
    result = run("glossary", "schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_every_bundled_file_validates_against_the_schema() -> None:
    from cleanup.glossary.yamlnodes import parse, plain

    validator = _validator()
    files = sorted(bundled_dir().glob("*.yaml"))
    assert files
    for path in files:
        errors = [e.message for e in validator.iter_errors(plain(parse(path.read_text(encoding="utf-8"))))]
        assert errors == [], path.name


GOOD_ENTRY = {"id": "x", "zh": "甲", "en": "X", "note": "n", "examples": [{"in": "甲", "out": "X"}]}


@pytest.mark.parametrize(
    "broken",
    [
        {"kind": "term", "entries": [{**GOOD_ENTRY, "colour": "red"}]},
        {"kind": "term", "entries": [{**GOOD_ENTRY, "safety": "maybe"}]},
        {"kind": "term", "entries": [{**GOOD_ENTRY, "id": "Not An Id"}]},
        {"kind": "term", "entries": [{k: v for k, v in GOOD_ENTRY.items() if k != "note"}]},
        {"kind": "term", "entries": [{k: v for k, v in GOOD_ENTRY.items() if k != "zh"}]},
        {"kind": "term", "entries": [{**GOOD_ENTRY, "zh": [" 甲"]}]},
        {"kind": "term", "entries": [{**GOOD_ENTRY, "examples": []}]},
        {"kind": "idiom", "entries": [GOOD_ENTRY]},
        {"kind": "punctuation", "entries": [{**GOOD_ENTRY, "map": "nfkc"}]},
        {"kind": "nonsense", "entries": []},
        {"kind": "term"},
    ],
)
def test_broken_files_fail_the_schema_and_the_loader(tmp_path: Path, broken: dict) -> None:  # type: ignore[type-arg]
    assert list(_validator().iter_errors(broken))
    path = tmp_path / "broken.yaml"
    path.write_text(json.dumps(broken, ensure_ascii=False), encoding="utf-8")  # JSON is YAML
    assert load_glossary([path], use_default=False).problems  # the schema agrees with the loader


def test_schema_choices_are_the_loaders() -> None:
    schema = json.loads(run("glossary", "schema").stdout)
    assert schema["$defs"]["term"]["properties"]["safety"]["enum"] == ["safe", "suggestion"]
    assert schema["$defs"]["punctuation"]["properties"]["space"]["enum"] == ["none", "after", "before", "around"]
    assert schema["properties"]["kind"]["enum"] == list(__import__("cleanup.glossary.entries", fromlist=["KINDS"]).KINDS)


# ---- check and layering -------------------------------------------------------------------------------


def test_check_notes_id_override_and_fails_on_broken_layer(tmp_path: Path) -> None:
    user = tmp_path / "user.yaml"
    user.write_text(_file("term", [("universally-beneficial", "普惠", "inclusive")]), encoding="utf-8")
    ok = run("glossary", "check", "-g", user)
    assert ok.exit_code == 0, ok.output
    assert "note: user.yaml:3: universally-beneficial: overrides glossary/policy.yaml:" in ok.stderr
    assert run("fix", "-", "-q", "-g", user, stdin="open and普惠 trade").stdout == "open and inclusive trade"
    user.write_text("kind: term\nentries:\n  - id: x\n    en: X\n    note: n\n    examples: [{in: a}]\n", encoding="utf-8")
    broken = run("glossary", "check", "-g", user)
    assert broken.exit_code == 2 and "user.yaml:3: x: a term needs at least one of zh, wrong, variants" in broken.stdout
