from wirehouse.articles.front_matter import parse_front_matter

PAGE_DUMP = (
    "All news\n\n"
    "Harbour cranes return to work in Tallinn - port authority\n\n"
    "Dockers ended a two-week stoppage after a pay deal, the authority said\n"
    "Cranes at the container terminal   Mari Tamm/TASS\n"
    "Cranes at the container terminal\n"
    "© Mari Tamm/TASS\n\n"
    "TALLINN, April 4. /TASS/. Cranes at the container terminal of Tallinn resumed work on Thursday.\n"
)


def section_texts(text, front, section):
    return [text[s.start:s.end] for s in front.segments if s.section == section]


def test_page_dump_separates_title_standfirst_captions_and_credits():
    front = parse_front_matter(PAGE_DUMP)
    assert front.title == "Harbour cranes return to work in Tallinn - port authority"
    assert front.subtitle == "Dockers ended a two-week stoppage after a pay deal, the authority said"
    assert front.captions == ["Cranes at the container terminal"]
    assert front.credits == ["Mari Tamm/TASS", "© Mari Tamm/TASS"]
    assert front.credit_agency == "TASS"
    assert section_texts(PAGE_DUMP, front, "navigation") == ["All news"]
    assert section_texts(PAGE_DUMP, front, "repeated_caption") == ["Cranes at the container terminal"]
    assert front.dateline.place == "Tallinn"
    assert PAGE_DUMP[front.body_start:].startswith("Cranes at the container terminal of Tallinn")


def test_image_caption_line_with_reuters_credit_and_title():
    text = (
        "image Farmers harvest wheat near Kharkiv, Ukraine, July 21, 2021. REUTERS/Olga Koval - RTX8ABCD\n\n"
        "Wheat harvest starts early in the east\n\n"
        "Farmers began the harvest two weeks early this year, officials said. Yields look strong.\n"
    )
    front = parse_front_matter(text)
    assert front.captions == ["Farmers harvest wheat near Kharkiv, Ukraine, July 21, 2021."]
    assert front.credits == ["REUTERS/Olga Koval"]
    assert front.photo_ids == ["RTX8ABCD"]
    assert front.credit_agency == "Reuters"
    assert front.title == "Wheat harvest starts early in the east"
    assert front.subtitle is None
    assert front.dateline is None


def test_header_with_source_line_has_no_title():
    text = "date 2022-09-20 Source: President of Russia – The Kremlin – English\n\nThe President held talks with a delegation.\n"
    front = parse_front_matter(text)
    assert str(front.header_date) == "2022-09-20"
    assert front.publisher == "President of Russia" and front.language == "en"
    assert front.title is None
    assert text[front.body_start:].startswith("The President held talks")


def test_first_sentence_is_never_taken_as_title():
    text = "date 2023-01-05 BERLIN, Jan 5 (AP) — Police closed a bridge on Thursday.\n\nTraffic was diverted.\n"
    front = parse_front_matter(text)
    assert front.title is None and front.subtitle is None
    assert front.dateline.place == "Berlin"
