#include "extractors/segment.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/extract_testing.h"

namespace notat {
namespace {

using testing::ReadSample;
using testing::TextOf;

std::vector<std::string> Texts(const std::vector<SegLine>& lines) {
  std::vector<std::string> out;
  for (const SegLine& l : lines) out.push_back(l.text);
  return out;
}

TEST(SegmentTest, SplitsTheSampleNoteIntoTitleSectionsAndTables) {
  Segmented seg = Segment(TextOf(ReadSample("note-2025-h1.txt")));
  EXPECT_EQ(seg.title, "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2025");
  ASSERT_EQ(seg.tables.size(), 3u);
  EXPECT_EQ(seg.tables[0].number, 1);
  EXPECT_EQ(seg.tables[0].caption, "Årlig udvikling i antal henvendelser til sikkerhedskonsulenterne");
  EXPECT_EQ(seg.tables[0].body.front().line, 19);
  EXPECT_EQ(seg.tables[0].body.back().text, "ser (antal)");
  // The caption's year wrapped onto its own line belongs to the caption.
  EXPECT_EQ(seg.tables[1].caption,
            "Regionsvis fordeling af henvendelser i perioden 1. januar til 30. juni 2025");
  EXPECT_EQ(seg.tables[1].caption_lines.size(), 2u);
  EXPECT_EQ(seg.tables[1].body.front().text, "Region Antal henvendelser");
  EXPECT_EQ(seg.tables[1].body.back().text, "Total 502");
  EXPECT_EQ(seg.tables[2].caption,
            "Årlig udvikling i nye henvendelser om genopdragelsesrejser/ufrivilligt "
            "udlandshold, hvor borgeren har befundet sig i udlandet.");
  EXPECT_EQ(Texts(seg.tables[2].body),
            (std::vector<std::string>{"2021 2022 2023 2024 1. halvår", "2025", "46 41 64 52 28"}));
  std::vector<std::string> headings;
  for (const Section& s : seg.sections)
    if (!s.heading.empty()) headings.push_back(s.heading);
  EXPECT_EQ(headings, (std::vector<std::string>{
                          "Samlet antal henvendelser", "Aldersfordeling for borgerne",
                          "Henvendelser om genopdragelsesrejser og ufrivillige udlandsophold",
                          "Organisering af sikkerhedskonsulentordningen"}));
  EXPECT_EQ(Texts(seg.furniture), (std::vector<std::string>{"Side", "3/3"}));
}

TEST(SegmentTest, DropsFurnitureAndJoinsATableCutByAPageBreak) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2023\n"
      "\n"
      "Tabel 1. Årlig udvikling i antal henvendelser\n"
      "År Antal\n"
      "2019 200\n"
      "2020 300\n"
      "Side 1 af 2\n"
      "\f"
      "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2023\n"
      "2021 400\n"
      "2. halvår 2023 250\n"
      "\n"
      "Den løbende stigning kan være udtryk for, at kendskabet til ordningen er øget.\n"
      "2\n";
  Segmented seg = Segment(TextOf(text));
  ASSERT_EQ(seg.tables.size(), 1u);
  EXPECT_EQ(Texts(seg.tables[0].body),
            (std::vector<std::string>{"År Antal", "2019 200", "2020 300", "2021 400",
                                      "2. halvår 2023 250"}));
  EXPECT_EQ(seg.tables[0].body[3].page, 2);
  EXPECT_EQ(seg.tables[0].body[3].line, 2);
  EXPECT_EQ(Texts(seg.furniture),
            (std::vector<std::string>{"Side 1 af 2",
                                      "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2023",
                                      "2"}));
  ASSERT_EQ(seg.sections.size(), 1u);
  EXPECT_EQ(seg.sections[0].lines.size(), 1u);
}

TEST(SegmentTest, ARunningHeaderIsDroppedButTheTitleIsKept) {
  const char* text =
      "Henvendelser til sikkerhedskonsulenterne, 1. halvår 2031\n"
      "Første side.\n"
      "\f"
      "Henvendelser til sikkerhedskonsulenterne, 1. halvår 2031\n"
      "Anden side.\n"
      "\f"
      "Henvendelser til sikkerhedskonsulenterne, 1. halvår 2031\n"
      "Tredje side.\n";
  Segmented seg = Segment(TextOf(text));
  EXPECT_EQ(seg.title, "Henvendelser til sikkerhedskonsulenterne, 1. halvår 2031");
  EXPECT_EQ(seg.title_lines[0].page, 1);
  EXPECT_EQ(seg.furniture.size(), 2u);
  ASSERT_EQ(seg.sections.size(), 1u);
  EXPECT_EQ(Texts(seg.sections[0].lines),
            (std::vector<std::string>{"Første side.", "Anden side.", "Tredje side."}));
}

TEST(SegmentTest, TheTitleAfterACoverPageOrInsideAReportIsFound) {
  // A cover page with a letterhead and a date, then the title wrapped over
  // two lines; "Notatet" in the running text is no title.
  const char* text =
      "Udlændinge- og Integrationsministeriet\n"
      "Notatet udkom i august 2025\n"
      "\f"
      "Notat om henvendelser til sikkerhedskonsulenterne i 2.\n"
      "halvår 2031\n"
      "\n"
      "Sikkerhedskonsulenterne har modtaget 519 henvendelser.\n";
  Segmented seg = Segment(TextOf(text));
  EXPECT_EQ(seg.title, "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2031");
  ASSERT_EQ(seg.title_lines.size(), 2u);
  EXPECT_EQ(seg.title_lines[0].page, 2);
  EXPECT_EQ(seg.title_lines[0].line, 1);
}

TEST(SegmentTest, JoinsWrappedCaptionLines) {
  const char* text =
      "Notat i 1. halvår 2030\n"
      "Tabel 3. Årlig udvikling i nye henvendelser om genopdragelsesrejser/ufrivilligt\n"
      "udlandsophold, hvor borgeren har befundet sig i udlandet.\n"
      "2028 2029 1. halvår 2030\n"
      "9 8 7\n";
  Segmented seg = Segment(TextOf(text));
  ASSERT_EQ(seg.tables.size(), 1u);
  EXPECT_EQ(seg.tables[0].caption,
            "Årlig udvikling i nye henvendelser om genopdragelsesrejser/ufrivilligt udlandsophold, "
            "hvor borgeren har befundet sig i udlandet.");
  EXPECT_EQ(seg.tables[0].body.size(), 2u);
}

TEST(SegmentTest, ContinuedCaptionIsFurnitureAndAFootnoteEndsTheTable) {
  const char* text =
      "Notat i 1. halvår 2030\n"
      "Tabel 1. Årlig udvikling i antal henvendelser\n"
      "2028 10\n"
      "\f"
      "Tabel 1 (fortsat)\n"
      "2029 20\n"
      "Kilde: Sikkerhedskonsulenternes registreringer 2030.\n"
      "Samlet set steg antallet af henvendelser fra år til år i hele perioden.\n";
  Segmented seg = Segment(TextOf(text));
  ASSERT_EQ(seg.tables.size(), 1u);
  EXPECT_EQ(Texts(seg.tables[0].body), (std::vector<std::string>{"2028 10", "2029 20"}));
  EXPECT_EQ(Texts(seg.furniture), (std::vector<std::string>{"Tabel 1 (fortsat)"}));
  ASSERT_EQ(seg.sections.size(), 1u);
  EXPECT_EQ(seg.sections[0].lines.size(), 2u);
}

TEST(SegmentTest, CaptionWrappedInsideADate) {
  const char* text =
      "Notat i 1. halvår 2030\n"
      "Tabel 2. Regionsvis fordeling af henvendelser i perioden 1. januar til\n"
      "30. juni 2030\n"
      "Region Hovedstaden 1\n";
  Segmented seg = Segment(TextOf(text));
  ASSERT_EQ(seg.tables.size(), 1u);
  EXPECT_EQ(seg.tables[0].caption,
            "Regionsvis fordeling af henvendelser i perioden 1. januar til 30. juni 2030");
  EXPECT_EQ(Texts(seg.tables[0].body), (std::vector<std::string>{"Region Hovedstaden 1"}));
}

TEST(SegmentTest, ACaptionsNumberMayBeFollowedByADashOrAbbreviated) {
  // Word styles: "Tabel 1 – Antal ...", "Tabel 2 - ...", "Tab. 3. ...".
  // And OCR's readings of the word: "fabel 1:", "Tabe. 1:".
  for (const char* caption : {"Tabel 1 – Antal henvendelser pr. år", "Tabel 1 - antal henvendelser pr. år",
                              "Tabel 1 — Antal henvendelser pr. år", "Tab. 1. Antal henvendelser pr. år",
                              "fabel 1: Antal henvendelser pr. år", "Tabe. 1: Antal henvendelser pr. år"}) {
    std::string text = std::string("Notat i 1. halvår 2030\n") + caption + "\n2029 1. halvår 2030\n9 8\n";
    Segmented seg = Segment(TextOf(text.c_str()));
    ASSERT_EQ(seg.tables.size(), 1u) << caption;
    EXPECT_EQ(seg.tables[0].number, 1) << caption;
    EXPECT_EQ(seg.tables[0].caption.substr(0, 5), std::string(caption).find("antal") != std::string::npos ? "antal" : "Antal")
        << caption;
  }
}

TEST(SegmentTest, ASecondNotesTitleIsFound) {
  // Two half-year notes in one file. The first's title repeated as a
  // running head is the same note; a wrapped title of the second counts.
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2024\n"
      "I perioden modtog de 432 henvendelser.\n"
      "\f"
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2024\n"
      "Notat om henvendelser til sikkerhedskonsulenterne i 2.\n"
      "halvår 2024\n"
      "I perioden modtog de 510 henvendelser.\n";
  Segmented seg = Segment(TextOf(text));
  ASSERT_EQ(seg.other_titles.size(), 1u);
  EXPECT_EQ(seg.other_titles[0].page, 2);
  EXPECT_EQ(seg.other_titles[0].line, 2);
  EXPECT_TRUE(Segment(TextOf("Notat om henvendelser i 1. halvår 2024\nNotat om tallene i 1. halvår 2024\n"))
                  .other_titles.empty());
  // A line citing the last note inside the text, or on the title's page,
  // is no second note.
  EXPECT_TRUE(Segment(TextOf("Notat om henvendelser i 1. halvår 2024\nTekst.\f"
                             "Tekst om tallene.\nMere tekst.\nEndnu mere.\n"
                             "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2023\n"))
                  .other_titles.empty());
  EXPECT_TRUE(Segment(TextOf("Notat om henvendelser i 1. halvår 2024\nTekst.\n"
                             "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2023\n"))
                  .other_titles.empty());
  // A running head with the note's date names no other note, even one
  // about the inquiries ...
  EXPECT_TRUE(Segment(TextOf("Notat om henvendelser i 1. halvår 2024\nTekst.\f"
                             "Notat, 15. august 2024        Side 2 af 2\nMere tekst.\n"))
                  .other_titles.empty());
  EXPECT_TRUE(Segment(TextOf("Notat om henvendelser i 1. halvår 2025\nTekst.\f"
                             "Notat om henvendelser, 15. august 2025\nMere tekst.\n"))
                  .other_titles.empty());
  // ... but a whole-year note's title about the inquiries is a second note.
  Segmented annual = Segment(TextOf("Notat om henvendelser i 1. halvår 2025\nTekst.\f"
                                    "Notat om henvendelser til sikkerhedskonsulenterne i 2024\nMere tekst.\n"));
  ASSERT_EQ(annual.other_titles.size(), 1u);
  EXPECT_EQ(annual.other_titles[0].page, 2);
}

TEST(SegmentTest, TwoNotesRunTogetherInOneTextAreFound) {
  // No page break: the second title stands alone, and the table captions
  // after it repeat the first note's.
  const std::string first =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2025\n"
      "\n"
      "Tabel 1. Antal henvendelser\n"
      "2024 1. halvår 2025\n"
      "827 502\n"
      "\n";
  Segmented seg = Segment(TextOf((first +
                                  "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2025\n"
                                  "\n"
                                  "Tabel 1. Antal henvendelser\n"
                                  "2024 2025\n"
                                  "827 1.001\n")
                                     .c_str()));
  ASSERT_EQ(seg.other_titles.size(), 1u);
  EXPECT_EQ(seg.other_titles[0].line, 7);
  // The same line with no table repeated after it cites another note.
  EXPECT_TRUE(Segment(TextOf((first +
                              "Notat om henvendelser til sikkerhedskonsulenterne i 2. halvår 2024\n"
                              "\n"
                              "Tabel 2. Henvendelser fordelt på region\n"
                              "Region Hovedstaden 146\n")
                                 .c_str()))
                  .other_titles.empty());
}

TEST(SegmentTest, RunningTextMentionOfATableIsNotACaption) {
  const char* text =
      "Notat i 1. halvår 2030\n"
      "Tabel 2 viser hvilke regioner henvendelserne kommer fra, og hvor mange der er.\n";
  Segmented seg = Segment(TextOf(text));
  EXPECT_TRUE(seg.tables.empty());
  ASSERT_EQ(seg.sections.size(), 1u);
}

TEST(SegmentTest, JoinLinesRejoinsHyphenatedWordsAndMapsBack) {
  std::vector<SegLine> lines = {
      SegLine{1, 5, "om genopdragel-", {}, false},
      SegLine{1, 6, "  sesrejser og Udenrigsmi-", {}, false},
      SegLine{1, 7, "nisteriet. Region-", {}, false},
      SegLine{1, 8, "Syddanmark", {}, false},
  };
  JoinedText jt = JoinLines(lines);
  EXPECT_EQ(jt.text, "om genopdragelsesrejser og Udenrigsministeriet. Region- Syddanmark");
  size_t at = jt.text.find("og");
  auto [li, lo] = jt.Locate(at);
  EXPECT_EQ(li, 1u);
  EXPECT_EQ(lines[li].text.substr(lo, 2), "og");
  auto [li2, lo2] = jt.Locate(jt.text.find("Syddanmark"));
  EXPECT_EQ(li2, 3u);
  EXPECT_EQ(lo2, 0u);
}

TEST(SegmentTest, TellsProseFromTableLines) {
  EXPECT_TRUE(LooksLikeProse(
      "Sikkerhedskonsulenterne har i perioden 1. januar til 30. juni 2025 fået 28 nye"));
  EXPECT_TRUE(LooksLikeProse("modtaget 502 henvendelser. Til sammenligning var der i første halvår af 2024 432"));
  EXPECT_FALSE(LooksLikeProse("Region Hovedstaden | Region Midtjylland | Region Nordjylland | Total"));
  EXPECT_FALSE(LooksLikeProse("Henvendel- 186 286 313 395 522 631 827 502"));
  EXPECT_FALSE(LooksLikeProse(
      "Nye henvendelser om genopdragelsesrejser, hvor borgeren har befundet sig i udlandet 46 41 64 52 28"));
  EXPECT_FALSE(LooksLikeProse(""));
  // A half year's ordinal and a year are no figures: this is prose.
  EXPECT_TRUE(LooksLikeProse("Børn og unge under 18 år udgjorde 44 pct. af henvendelserne i 2. halvår 2027."));
  // ... but a header of years stays a table line.
  EXPECT_FALSE(LooksLikeProse("2024 2025 2026 1. halvår 2027 2. halvår 2027"));
  // A whole sentence with three figures and a comparison in brackets.
  EXPECT_TRUE(LooksLikeProse("Unge under 18 år udgjorde 41 pct. af henvendelserne (1. halvår 2027: 46 pct.)."));
  // A table's rule of dashes that OCR read partly as letters.
  EXPECT_FALSE(LooksLikeProse("+-------- +------ +------ $--- = ete ee te ee tee eee eee +"));
  // A row of a table with a label of many words ends with no full stop.
  EXPECT_FALSE(LooksLikeProse("Nye henvendelser om rejser, hvor borgeren var i udlandet 46 41 64 52 28 31 40"));
}

// A table right before a sentence with three figures in it: the sentence is
// not read as the table's rows.
TEST(SegmentTest, ASentenceWithFiguresAfterATableIsNotInIt) {
  const char* text =
      "Notat om henvendelser til sikkerhedskonsulenterne i 1. halvår 2028\n"
      "\n"
      "Tabel 2. Henvendelser fordelt på regioner\n"
      "Region Hovedstaden 322\n"
      "I alt 1.102\n"
      "\n"
      "Unge under 18 år udgjorde 41 pct. af henvendelserne (1. halvår 2027: 46 pct.).\n";
  Segmented seg = Segment(TextOf(text));
  ASSERT_EQ(seg.tables.size(), 1u);
  EXPECT_EQ(Texts(seg.tables[0].body), (std::vector<std::string>{"Region Hovedstaden 322", "I alt 1.102"}));
}

// "NOTAT" alone on top, a document label: the title is the short line below
// it that names the period, a half year or, about the inquiries, a year.
TEST(SegmentTest, TheTitleUnderABareNotatLabel) {
  Segmented seg = Segment(TextOf(
      "NOTAT\n\nHenvendelser til sikkerhedskonsulenterne, første halvår 2028\n\n"
      "Sikkerhedskonsulenterne modtog 1.102 henvendelser i 2. halvår 2027.\n"));
  EXPECT_EQ(seg.title, "Henvendelser til sikkerhedskonsulenterne, første halvår 2028");
  seg = Segment(TextOf(
      "NOTAT\n\nHenvendelser til sikkerhedskonsulenterne i 2027\n\n"
      "Sikkerhedskonsulenterne modtog 1.102 henvendelser i 2. halvår 2027.\n"));
  EXPECT_EQ(seg.title, "Henvendelser til sikkerhedskonsulenterne i 2027");
  // "Notat" over a title line of seven words, with no blank line between.
  seg = Segment(TextOf(
      "Notat\nHenvendelser til sikkerhedskonsulenterne i 2. halvår 2029\n\n"
      "Sikkerhedskonsulenterne modtog 1.245 henvendelser i andet halvår 2029.\n"));
  EXPECT_EQ(seg.title, "Notat Henvendelser til sikkerhedskonsulenterne i 2. halvår 2029");
  // A date under the label is no title; nor is a caption.
  seg = Segment(TextOf(
      "NOTAT\n15. august 2027\n\nTabel 1. Henvendelser 2018-2027\n\n"
      "Sikkerhedskonsulenterne modtog 1.102 henvendelser i 2. halvår 2027.\n"));
  EXPECT_EQ(seg.title, "NOTAT");
}

TEST(SegmentTest, SurvivesEmptyAndGarbageInput) {
  EXPECT_TRUE(Segment(RepairedText{}).tables.empty());
  EXPECT_TRUE(Segment(TextOf("")).title.empty());
  std::string garbage;
  for (int i = 0; i < 5000; ++i) garbage.push_back(static_cast<char>((i * 37 + 11) % 256));
  Segmented g = Segment(TextOf(garbage));
  EXPECT_TRUE(g.tables.empty());
  std::string huge(2'000'000, 'a');
  huge += " Tabel 1. x\n";
  Segmented h = Segment(TextOf(huge));
  EXPECT_TRUE(h.tables.empty());
}

}  // namespace
}  // namespace notat
