"""Appending to a data file's list as text: comments stay, and unsafe cases are refused."""

from __future__ import annotations

from pathlib import Path

import yaml

from samen.yaml_lists import append_entry


def test_appends_after_the_last_item_and_keeps_comments(tmp_path: Path) -> None:
    path = tmp_path / "lijst.yml"
    path.write_text("# uitleg voor editors\nitems:\n  - id: a  # eerste\n", encoding="utf-8")
    assert append_entry(path, tmp_path, "items", {"id": "b", "naam": "Twee"}) is None
    text = path.read_text(encoding="utf-8")
    assert "# uitleg voor editors" in text and "# eerste" in text
    assert yaml.safe_load(text)["items"] == [{"id": "a"}, {"id": "b", "naam": "Twee"}]


def test_an_empty_list_gets_its_first_item(tmp_path: Path) -> None:
    path = tmp_path / "lijst.yml"
    path.write_text("doel: 4\nitems: []\n", encoding="utf-8")
    assert append_entry(path, tmp_path, "items", {"id": "a"}) is None
    assert yaml.safe_load(path.read_text(encoding="utf-8")) == {"doel": 4, "items": [{"id": "a"}]}


def test_refuses_a_used_id_a_list_that_is_not_last_and_a_broken_file(tmp_path: Path) -> None:
    path = tmp_path / "lijst.yml"
    path.write_text("items:\n  - id: a\nanders: 1\n", encoding="utf-8")
    assert append_entry(path, tmp_path, "items", {"id": "a"}) == "id_used"
    assert append_entry(path, tmp_path, "items", {"id": "b"}) == "not_last"
    path.write_text("items:\n  - id: a\n - kapot\n", encoding="utf-8")
    assert append_entry(path, tmp_path, "items", {"id": "b"}) == "broken"
    assert path.read_text(encoding="utf-8") == "items:\n  - id: a\n - kapot\n", "left as it was"


def test_takes_the_indentation_of_the_items_already_there(tmp_path: Path) -> None:
    path = tmp_path / "lijst.yml"
    path.write_text("activities:\n- id: a\n  date: 2022-09-13\n", encoding="utf-8")
    assert append_entry(path, tmp_path, "activities", {"id": "b", "date": "2023-01-02"}) is None
    assert [e["id"] for e in yaml.safe_load(path.read_text(encoding="utf-8"))["activities"]] == [
        "a",
        "b",
    ]


def test_an_empty_list_with_a_comment_keeps_the_comment(tmp_path: Path) -> None:
    path = tmp_path / "lijst.yml"
    path.write_text("activities: []  # nog leeg\n", encoding="utf-8")
    assert append_entry(path, tmp_path, "activities", {"id": "a"}) is None
    text = path.read_text(encoding="utf-8")
    assert "# nog leeg" in text and yaml.safe_load(text) == {"activities": [{"id": "a"}]}


def test_a_layout_it_cannot_extend_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "lijst.yml"
    original = "activities: [{id: a}]\n"
    path.write_text(original, encoding="utf-8")
    assert append_entry(path, tmp_path, "activities", {"id": "b"}) == "layout"
    assert path.read_text(encoding="utf-8") == original
