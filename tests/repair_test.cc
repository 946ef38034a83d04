// The repair stage on Danish written for these tests (not from the sample
// note), damaged the way an English OCR model damages it, with the compiled
// lexicon the build makes; unit logic with the fake lexicon.
#include "pipeline/repair.h"

#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/lexicon.h"
#include "pipeline/repair_text.h"
#include "tests/fake_lexicon.h"
#include "tests/real_lexicon.h"

namespace notat {
namespace {

Document DocOf(const std::string& text) {
  Document doc;
  Page page;
  std::istringstream in(text);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    Line l;
    l.number = ++n;
    l.text = line;
    page.lines.push_back(l);
  }
  doc.pages.push_back(page);
  return doc;
}

std::string TextOf(const RepairedText& r) {
  std::string out;
  for (const Page& p : r.pages)
    for (const Line& l : p.lines) out += l.text + "\n";
  return out;
}

class RepairTest : public RealLexiconTest {
 protected:
  std::string Run(const std::string& text, bool join = true) {
    RepairOptions o;
    o.join_hyphens = join;
    return TextOf(Repair(DocOf(text), *lexicon_, o));
  }
};

struct Case {
  const char* damaged;
  const char* expected;
};

TEST_F(RepairTest, RestoresEachConfusion) {
  const Case cases[] = {
      // å read as a; ø read as g
      {"Bgrnene gar i skole pa Fyn.", "Børnene går i skole på Fyn."},
      {"Der blev sggt om tilskud til arets fgrste maned.", "Der blev søgt om tilskud til årets første måned."},
      // Æ read as Ae and as Z; æ read as ee
      {"Aeldre borgere kan fa hjeelp.", "Ældre borgere kan få hjælp."},
      {"Zldre borgere bor pa feergeleje.", "Ældre borgere bor på færgeleje."},
      // Å read as A
      {"Arlig opggrelse for kommunen.", "Årlig opgørelse for kommunen."},
      // æ read as ae and as ze
      {"Det skal vaere let at forsta.", "Det skal være let at forstå."},
      {"Vi skal kzempe for det, og han kzemper ogsa.", "Vi skal kæmpe for det, og han kæmper også."},
      // ø read as e
      {"Han kom ferst, og vi sa det.", "Han kom først, og vi så det."},
      // ø read as @
      {"Vi @nsker at s@ge om hjeelp.", "Vi ønsker at søge om hjælp."},
      // l read as I (with ø read as g)
      {"Vi fik Ignnen i gar.", "Vi fik lønnen i går."},
      // all capitals keep their case
      {"Kontakt MZRK i dag.", "Kontakt MÆRK i dag."},
      {"Se afsnittet F@LGENDE SIDER og S@G.", "Se afsnittet FØLGENDE SIDER og SØG."},
      // a lower-case å read as a capital A inside a sentence; a quotation
      // starts with a capital
      {"Du kan Abne filen, og \"Abn\" er i menuen.", "Du kan åbne filen, og \"Åbn\" er i menuen."},
      // ... but a name keeps its capital
      {"Vi bor i Arhus.", "Vi bor i Århus."},
      // æ read as ez, ø as gi
      {"Vi hjezlper med den hgijre side.", "Vi hjælper med den højre side."},
      // ø read as ag
      {"Vi taler med bagrn om det.", "Vi taler med børn om det."},
      // Æ read as /E, A/ or A: in capitals
      {"Sæt et M/ERKAT og et MA/RKE pa.", "Sæt et MÆRKAT og et MÆRKE på."},
      // Ø read as a zero in capitals; zeros elsewhere stay
      {"SE ST0RRELSE OG 0STRIG. Model A0B koster 100 kr.", "SE STØRRELSE OG ØSTRIG. Model A0B koster 100 kr."},
      // ... and as A' or A: starting a word
      {"Se A'ndringer og A:ndringer her, svar A: ja.", "Se Ændringer og Ændringer her, svar A: ja."},
      // ... with the typographic apostrophes Tesseract writes, too
      {"Se A\u2019ndringer og A\u2018ndringer, og \u2018A\u2019 er et bogstav.",
       "Se Ændringer og Ændringer, og \u2018A\u2019 er et bogstav."},
      // I read as | at a sentence start
      {"Det er godt. | dag skinner solen.", "Det er godt. I dag skinner solen."},
      // ... and i inside one
      {"Filen ligger | mappen.", "Filen ligger i mappen."},
      // but not between a table header's repeated words
      {"(maj- halvar | halvar", "(maj- halvår | halvår"},
  };
  for (const Case& c : cases) EXPECT_EQ(Run(c.damaged), std::string(c.expected) + "\n") << c.damaged;
}

TEST_F(RepairTest, RepairsSpacesAndLettersTheOcrLostOrAdded) {
  const Case cases[] = {
      // a space lost: the pair is far more frequent than the run-together word
      {"Deter svaert at sige, hvad der skete.", "Det er svært at sige, hvad der skete."},
      {"Det er visti orden.", "Det er vist i orden."},
      // the word "i" run onto the word before it
      {"Det er et godt udgangspunkti arbejdet.", "Det er et godt udgangspunkt i arbejdet."},
      // ... also when the run-together word is only a compound hunspell-da
      // would allow; compounds the tables know stay whole
      {"Han sidder pa sit kontori byen, isamme hus.", "Han sidder på sit kontor i byen, i samme hus."},
      {"Vi har et brødbageri og et lystfiskeri.", "Vi har et brødbageri og et lystfiskeri."},
      // a space added inside a word
      {"Hold A fstand til kanten.", "Hold Afstand til kanten."},
      // ... also when the short piece needs a repair of its own
      {"Hans opfer sel var god.", "Hans opførsel var god."},
      // ... and in a name in camel case the dictionary has whole, which the
      // corpus never shows apart; names it lacks stay two words
      {"Brug Libre Office eller Microsoft Office.", "Brug LibreOffice eller Microsoft Office."},
      {"Han arbejder for Red Hat i New York.", "Han arbejder for Red Hat i New York."},
      // a line-end hyphen the OCR lost: the word is joined onto the first line
      {"Se udgivelsesinfor\nmationer, her og der.", "Se udgivelsesinformationer,\nher og der."},
      // a Danish letter dropped outright, ø read as ¢, æ as x
      {"Vi taler med brn om deres forlb i Sjlland. Vlg en ny.",
       "Vi taler med børn om deres forløb i Sjælland. Vælg en ny."},
      {"Enheden skal s¢rge for det, o¢ vi kan hjxlpe.", "Enheden skal sørge for det, og vi kan hjælpe."},
      // a lower-case letter read a second time as its capital
      {"Skriv kKommandoen igen.", "Skriv kommandoen igen."},
      // ... also in a word hyphenated at the line's end
      {"Skriv kKomman-\ndoen igen.", "Skriv kommandoen\nigen."},
      // general letter confusions in words that are no words as read
      {"Kommunen tiloyder hjeelp.", "Kommunen tilbyder hjælp."},
      {"Du kan fierne filen.", "Du kan fjerne filen."},
      // the Danish model's o read as ø on thin print, in words that are no
      // words; words with a real ø stay
      {"Ørdningen gav 5 miø. kr. til kommunerne før og efter.", "Ordningen gav 5 mio. kr. til kommunerne før og efter."},
  };
  for (const Case& c : cases) EXPECT_EQ(Run(c.damaged), std::string(c.expected) + "\n") << c.damaged;
  RepairedText r = Repair(DocOf("Deter godt."), *lexicon_);
  ASSERT_EQ(r.corrections.size(), 1u);
  EXPECT_EQ(r.corrections[0].before, "Deter");
  EXPECT_EQ(r.corrections[0].after, "Det er");
  EXPECT_EQ(r.corrections[0].rule, "split");
}

TEST_F(RepairTest, AOneStandingForTheWordIIsTheWord) {
  // Thin print read by the Danish model: "i" as "1" before a name or a year
  // (I after a sentence's end); a count, and a number after a word that
  // takes one, stay.
  EXPECT_EQ(Run("Borgere, der befinder sig 1 Danmark. Tilskuddet er 7,6 mio. kr. 1 2028.\n"),
            "Borgere, der befinder sig i Danmark. Tilskuddet er 7,6 mio. kr. i 2028.\n");
  EXPECT_EQ(Run("Det var i 2027. 1 2028 modtog de flere.\n"), "Det var i 2027. I 2028 modtog de flere.\n");
  EXPECT_EQ(Run("Det er en stigning fra 36 pct. 1 1. halvår 2023.\n"),
            "Det er en stigning fra 36 pct. i 1. halvår 2023.\n");
  const char* kept = "Se tabel 1 Årlig udvikling og side 1 2025. De har modtaget 1 henvendelse i alt.\n";
  EXPECT_EQ(Run(kept), kept);
}

TEST_F(RepairTest, ALongDomainWordWithOneLetterSlipInsideIsRestored) {
  // Thin print: l read as t, an o read twice (øo), a letter lost. An
  // ending that differs is grammar and stays, as does a word near two.
  EXPECT_EQ(Run("Der var ansat 10 sikkerhedskonsutenter og 9 sikkerhedskøonsulenter om genopdragelsesrjser.\n"),
            "Der var ansat 10 sikkerhedskonsulenter og 9 sikkerhedskonsulenter om genopdragelsesrejser.\n");
  const char* kept = "Sikkerhedskonsulenters arbejde og sikkerhedskonsulentens rolle.\n";
  EXPECT_EQ(Run(kept), kept);
}

TEST_F(RepairTest, AWordWithAZIsLikelierAMisreadCompound) {
  // Compounds no table holds whole, with a rare reading of æ: the z makes
  // the word as read unlikely Danish, so the weak compound reading wins.
  EXPECT_EQ(Run("Hun fik boblehjazelp og supplementzeere ydelser."),
            "Hun fik boblehjælp og supplementære ydelser.\n");
  // Words with a z that no reading explains stay.
  EXPECT_EQ(Run("En pizza og en zoologisk have."), "En pizza og en zoologisk have.\n");
}

TEST_F(RepairTest, AWordDamagedInOnePartOnlyHasThatPartRepaired) {
  // No table or hunspell-da knows the words whole, nor their clean parts
  // ("skriptet", "generatorx"): the damaged part alone reads surely as a
  // word, and the rest stays as read.
  EXPECT_EQ(Run("Kør hjzelpeskriptet og tilfzeldighedsgeneratorx igen.\n"),
            "Kør hjælpeskriptet og tilfældighedsgeneratorx igen.\n");
  // A short damaged part ("meer") is too easily some word: left alone.
  EXPECT_EQ(Run("Et volumeer og tre volumeer.\n"), "Et volumeer og tre volumeer.\n");
}

TEST_F(RepairTest, ReadsDigitsInsideWordsAsLetters) {
  // A zero for o, a one for l, in a word of letters.
  EXPECT_EQ(Run("Borgere 0g kommuner, ti1 tiden, (0g) F0R ALLE.\n"),
            "Borgere og kommuner, til tiden, (og) FOR ALLE.\n");
  // Figures and codes stay: a leading one, a number before, a digit's
  // look-alike letters only, another digit.
  for (const char* s : {"punkt 1a og 1b.", "vægt 5.0g og 2,0g", "celle l0 og 1O", "kode 0x1F og v2og"})
    EXPECT_EQ(Run(s), std::string(s) + "\n") << s;
}

TEST_F(RepairTest, RestoresRarerReadingsOfPrintedNotes) {
  // Faces other than the corpus fonts: ø read as d or é, ø read as ¢ at a
  // word's start, å read as 4, a capital A for å inside a sentence in a word
  // of two letters, c read as e in an abbreviation the corpus knows, and a
  // table row "I alt" whose I became a pipe under a row of figures.
  const std::string damaged =
      "Det lange forldb i Kébenhavns Kommune gav en ¢get indsats i fgrste halvar.\n"
      "Antallet er steget fra Ar til ar, og 4ret gav 48 pet. flere sager end for 2 4r siden.\n"
      "Region Syddanmark 116\n"
      "| alt 502\n";
  const std::string expected =
      "Det lange forløb i Københavns Kommune gav en øget indsats i første halvår.\n"
      "Antallet er steget fra år til år, og året gav 48 pct. flere sager end for 2 år siden.\n"
      "Region Syddanmark 116\n"
      "I alt 502\n";
  EXPECT_EQ(Run(damaged), expected);
  // A name keeps its capital; a sentence's first word too; Danish with d
  // and é, and a 4 in a figure, stay.
  for (const char* s : {"Vi bor i Århus, og idéen var god.", "Mødet er i lokale 4B, ved døren."})
    EXPECT_EQ(Run(s), std::string(s) + "\n") << s;
  EXPECT_EQ(Run("Vi bor i Arhus, og Ar for ar stiger tallet."), "Vi bor i Århus, og år for år stiger tallet.\n");
  EXPECT_EQ(Run("Ar for ar stiger tallet."), "År for år stiger tallet.\n");
  // The one pipe standing alone on its line starts a sentence even when
  // another pipe is stuck to a word there; two standing alone are rules.
  EXPECT_EQ(Run("Se formlen a,| som vises. | perioden steg tallet."),
            "Se formlen a,| som vises. I perioden steg tallet.\n");
  EXPECT_EQ(Run("Region | Antal | Andel"), "Region | Antal | Andel\n");
  // ... also before a year that opens a sentence; a table's pipe before a
  // year at a line's start, or between two years, stays.
  EXPECT_EQ(Run("Det er flere. | 2024 var tallet 827."), "Det er flere. I 2024 var tallet 827.\n");
  EXPECT_EQ(Run("| 2024 var tallet 827\n2023 | 2024\n"), "| 2024 var tallet 827\n2023 | 2024\n");
}

TEST_F(RepairTest, SuspendedCompoundHeadsAndRareEnglishForms) {
  // A compound's head before "- og" may be a form that only begins
  // compounds; a rare form of the English model's word list ("fert") is a
  // damaged Danish word in a Danish document whose ø are read as e.
  const std::string damaged =
      "Sagsbehandlere i bgrne- og familieafdelingerne sgger rad hos konsulenterne, nar en sag er svaer.\n"
      "Mederne har fert til nye samarbejder, og flere kommuner har faet hjeelp i lebet af aret.\n";
  const std::string expected =
      "Sagsbehandlere i børne- og familieafdelingerne søger råd hos konsulenterne, når en sag er svær.\n"
      "Møderne har ført til nye samarbejder, og flere kommuner har fået hjælp i løbet af året.\n";
  EXPECT_EQ(Run(damaged), expected);
  // English terms without a Danish reading stay.
  EXPECT_EQ(Run("Brug en gateway og en proxy for at fa adgang.\n"), "Brug en gateway og en proxy for at få adgang.\n");
}

TEST_F(RepairTest, ShortCapitalsBesideDanishCapitalsAreWords) {
  EXPECT_EQ(Run("SKIFT STORRELSE PA FILEN."), "SKIFT STØRRELSE PÅ FILEN.\n");
  // ... also beside a very common short word in capitals.
  EXPECT_EQ(Run("NU GAR DU I GANG."), "NU GÅR DU I GANG.\n");
  // Acronyms stay acronyms beside lower case and other acronyms.
  EXPECT_EQ(Run("Brug PA og CPU, RAM PA DVD."), "Brug PA og CPU, RAM PA DVD.\n");
  // A placeholder in capitals that is a dictionary word of three letters or
  // more is judged as a word; acronyms that are none stay.
  EXPECT_EQ(Run("Kopier KILDE til MAL med TCP eller GNU."), "Kopier KILDE til MÅL med TCP eller GNU.\n");
}

TEST_F(RepairTest, KeepsCompoundsNamesAndShortWordsApart) {
  // Real compounds and words are not split, and a common short word is not
  // glued onto its neighbour.
  const char* kept[] = {
      "Heri ligger forskellen, og deri ligger svaret, ifølge dem.",
      "Han bor i Irene Hansens hus.",
      "Der er tale om en god løsning, der er let at bruge.",
      "Vi tilføjede de nye regler.",
      "Novo Nordisk A/S bruger TCP/IP, og mødet er kl. 10:30.",
      "Makroer skrives i StarBasic eller dialogenTildel.",
      "Se html-koden, 5 pct. og 3 mfl. i tabellen.",
  };
  for (const char* text : kept) EXPECT_EQ(Run(text), std::string(text) + "\n") << text;
}

TEST(RepairTextTest, LowerKeyIsTheLexiconKeyOfTheLowerCaseWord) {
  for (const char* w : {"Sjælland", "ØRESUND", "år", "Aa", "x", "", "café", "ǅ", "\xf0\x9f\x98\x80"}) {
    std::u32string u = ToU32(w);
    EXPECT_EQ(LowerKey(u), LexiconKey(LowerUtf8(u))) << w;
  }
}

TEST_F(RepairTest, DecidesRealWordsFromTheDocument) {
  // "ar" (scar) is a word; in a document whose å are all read as a, it is år.
  const std::string damaged =
      "Vi har boet her i mange ar. Det er fem ar siden, og hvert ar kommer\n"
      "flere borgere til byen. Fra ar til ar stiger antallet af henvendelser\n"
      "fra bgrn og unge, der sgger radgivning.\n";
  const std::string expected =
      "Vi har boet her i mange år. Det er fem år siden, og hvert år kommer\n"
      "flere borgere til byen. Fra år til år stiger antallet af henvendelser\n"
      "fra børn og unge, der søger rådgivning.\n";
  EXPECT_EQ(Run(damaged), expected);
}

TEST_F(RepairTest, WeighsARealWordByBothNeighbours) {
  // In a document the English model read, "red", "set", "lose" and "bor"
  // may be rød, sæt, løse and bør: the words beside them decide, for and
  // against, and the English model's pull towards English words counts.
  const std::string damaged =
      "Feltet vises med en red ramme, nar vaerdien er forkert.\n"
      "Du kan angive et set regler for hver celle, og veerktgjet kan lose dem.\n"
      "Funktionen bor kun bruges, nar filen er gemt.\n"
      "De bor i et hus pa landet, og han red ud til dem.\n"
      "Hun har set filmen, og hun sat ved siden af mig.\n";
  const std::string expected =
      "Feltet vises med en rød ramme, når værdien er forkert.\n"
      "Du kan angive et sæt regler for hver celle, og værktøjet kan løse dem.\n"
      "Funktionen bør kun bruges, når filen er gemt.\n"
      "De bor i et hus på landet, og han red ud til dem.\n"
      "Hun har set filmen, og hun sat ved siden af mig.\n";
  EXPECT_EQ(Run(damaged), expected);
}

TEST_F(RepairTest, APairTheCorpusShowsOftenOutweighsTheCap) {
  // "året før" is common and "året for" never seen where chance would give
  // it several: the neighbour may decide against a much more frequent word.
  // Elsewhere "for" stays.
  const std::string damaged =
      "Der kom dobbelt sa mange henvendelser som aret for, og det er en stigning fra fgrste halvar.\n"
      "Det er vigtigt for de unge, at der er hjeelp at fa, og pengene skal bruges for at styrke radgivningen.\n";
  const std::string expected =
      "Der kom dobbelt så mange henvendelser som året før, og det er en stigning fra første halvår.\n"
      "Det er vigtigt for de unge, at der er hjælp at få, og pengene skal bruges for at styrke rådgivningen.\n";
  EXPECT_EQ(Run(damaged), expected);
}

TEST_F(RepairTest, ACompoundAsReadWithSignsOfDamageYieldsToAWord) {
  // "treeets" splits into words the tables know, but "ee" inside a word is
  // the English model's æ far more often than Danish spelling.
  EXPECT_EQ(Run("Rodnoden er toppen af treeets struktur, og den vises pa skeermen.\n"),
            "Rodnoden er toppen af træets struktur, og den vises på skærmen.\n");
}

TEST_F(RepairTest, AClauseAfterAWordWeighsAsItsNeighbour) {
  // "før den henter": a subject pronoun and a finite verb open a clause,
  // which the corpus shows after "før" far more often than chance and after
  // "for" far less; "for den" alone says the opposite. A past form after
  // "den" is an adjective ("for den markerede tekst"), no clause.
  const std::string damaged =
      "Programmet skal ikke udfgre sync for den henter filerne fra serveren.\n"
      "Slet filen, for den arkiveres af systemet pa serveren.\n"
      "Marker teksten, og klik pa knappen for den markerede tekst.\n"
      "Det er vigtigt for de unge, at der er hjeelp at fa.\n";
  const std::string expected =
      "Programmet skal ikke udføre sync før den henter filerne fra serveren.\n"
      "Slet filen, før den arkiveres af systemet på serveren.\n"
      "Marker teksten, og klik på knappen for den markerede tekst.\n"
      "Det er vigtigt for de unge, at der er hjælp at få.\n";
  EXPECT_EQ(Run(damaged), expected);
}

TEST_F(RepairTest, APunctuationMarkAfterAWordWeighsAsItsNeighbour) {
  // "bar" in a list (before a comma) is far likelier than "bør" there.
  EXPECT_EQ(Run("Attributterne hedder acute, bar, breve og dot.\n"), "Attributterne hedder acute, bar, breve og dot.\n");
}

TEST_F(RepairTest, ACapitalInsideASentenceOnAWordNeverWrittenSoIsASmallLetter) {
  // k read as K: after a word in lower case, on words the corpus never
  // Capitalises inside a sentence. Names, words after a capital, sentence
  // starts and short words keep their capital.
  EXPECT_EQ(Run("Hvis navnet starter med et minus, Kan du skrive det efter alle Knapper.\n"),
            "Hvis navnet starter med et minus, kan du skrive det efter alle knapper.\n");
  EXPECT_EQ(Run("Er feltet markeret som \"valgfri\", Kan du udelade det.\n"),
            "Er feltet markeret som \"valgfri\", kan du udelade det.\n");
  EXPECT_EQ(Run("Vi bor i Aarhus Kommune. Kan du se det, og kommer du fra Region Sjælland?\n"),
            "Vi bor i Aarhus Kommune. Kan du se det, og kommer du fra Region Sjælland?\n");
}

TEST_F(RepairTest, ACapitalOnAWordMisreadOtherwiseIsASmallLetterToo) {
  // "Sa" after "vere": the å misread and the s read as a capital; two
  // letters are enough when the word was misread otherwise too.
  EXPECT_EQ(Run("Det kan vere Sa stort som du vil.\n"), "Det kan være så stort som du vil.\n");
}

TEST_F(RepairTest, ACapitalAInsideASentenceStaysCapitalOnWordsOftenCapitalisedThere) {
  // "klik på Åbn" (a label) against "at åbne": the corpus writes the one
  // Capitalised inside a sentence and the other never.
  EXPECT_EQ(Run("Klik derefter pa Abn for at Abne filen.\n"), "Klik derefter på Åbn for at åbne filen.\n");
}

TEST_F(RepairTest, SplitsAnIRunOntoADamagedWord) {
  // "i" run onto a word that is itself damaged ("hændelser i").
  EXPECT_EQ(Run("Der kom flere heendelseri perioden end ventet.\n"),
            "Der kom flere hændelser i perioden end ventet.\n");
}

TEST_F(RepairTest, SplitsAnIRunOntoAWordTheTablesLackOrOntoBothItsEnds) {
  // "i" run onto a compound of attested words that the tables lack but
  // hunspell-da accepts; "I" and "i" run onto both ends of a word.
  EXPECT_EQ(Run("Der er tre kommunekonsulenteri regionen.\n"), "Der er tre kommunekonsulenter i regionen.\n");
  EXPECT_EQ(Run("Det gik godt. Ibørnehaveni byen er der plads.\n"), "Det gik godt. I børnehaven i byen er der plads.\n");
}

TEST_F(RepairTest, JoinsADamagedPieceOntoADictionaryWordTheCorpusNeverShows) {
  // "vzer" is no word, "dien" one nobody writes; joined and repaired they
  // are a common word. A piece beside a word the corpus has seen stays.
  EXPECT_EQ(Run("Skriv vzer dien i feltet, og vzer god.\n"), "Skriv værdien i feltet, og vær god.\n");
}

TEST_F(RepairTest, ReadsAnMThatIsNoWordAsRAndN) {
  // "rn" run together into "m"; words with an m are left alone.
  EXPECT_EQ(Run("Alle kombinationeme og indstillingeme er vist i programmet.\n"),
            "Alle kombinationerne og indstillingerne er vist i programmet.\n");
}

TEST_F(RepairTest, ACompoundReadingOfAWordWithAnAtSignIsNotCrowdedOut) {
  // Long compounds of many letters an English model confuses have more
  // readings than the compound search weighs; those that keep the @ are
  // no words and take no place among them.
  EXPECT_EQ(Run("Vi fandt fejlsa@gningsoplysningerne og opfa@lgningsaftalerne i loggen.\n"),
            "Vi fandt fejlsøgningsoplysningerne og opfølgningsaftalerne i loggen.\n");
}

TEST_F(RepairTest, AStrongPairAlsoTakesFromTheWordAsRead) {
  // "før eller" is common and "for eller" far rarer than chance: the word
  // as read loses from its context as much as the reading gains.
  EXPECT_EQ(Run("Skriv navnet og datoen i vilkarlig raekkefglge, for eller efter bemaerkningen.\n"),
            "Skriv navnet og datoen i vilkårlig rækkefølge, før eller efter bemærkningen.\n");
}

TEST_F(RepairTest, LeavesCorrectDanishAlone) {
  const char* kept[] = {
      "Mødet kan vare flere timer, og han varetog opgaven for kommunen i Aarhus.",
      "Børnene går i skole på Fyn, og de er glade for det.",
      "Se http://www.example.org/are eller skriv til info@kommune.dk om Google og Microsoft Office.",
      "I 2024 var der 1.234 sager, og 56 af dem kom fra Region Sjælland.",
      "Der er tale om social-\nog sundhedsområdet.",
      // English terms and acronyms in Danish text
      "Vælg en gateway med et bogus override, og se UID og TGT i loggen.",
  };
  for (const char* text : kept) {
    RepairedText r = Repair(DocOf(text), *lexicon_);
    EXPECT_EQ(TextOf(r), std::string(text) + "\n") << text;
    EXPECT_TRUE(r.corrections.empty()) << text;
  }
}

TEST_F(RepairTest, RecordsCorrections) {
  RepairedText r = Repair(DocOf("Bgrnene gar i skole pa Fyn."), *lexicon_);
  ASSERT_EQ(r.corrections.size(), 3u);
  struct Want {
    int column;
    const char* before;
    const char* after;
    const char* rule;
  };
  const Want want[] = {{1, "Bgrnene", "Børnene", "confusion:g->ø"},
                       {9, "gar", "går", "confusion:a->å"},
                       {21, "pa", "på", "confusion:a->å"}};
  for (size_t i = 0; i < 3; ++i) {
    const Correction& c = r.corrections[i];
    EXPECT_EQ(c.page, 1);
    EXPECT_EQ(c.line, 1);
    EXPECT_EQ(c.column, want[i].column);
    EXPECT_EQ(c.before, want[i].before);
    EXPECT_EQ(c.after, want[i].after);
    EXPECT_EQ(c.rule, want[i].rule);
    EXPECT_GT(c.confidence, 0.5);
    EXPECT_LE(c.confidence, 1.0);
  }
}

TEST_F(RepairTest, ColumnsCountCodePoints) {
  RepairedText r = Repair(DocOf("Først på året sggte hun."), *lexicon_);
  ASSERT_EQ(r.corrections.size(), 1u);
  EXPECT_EQ(r.corrections[0].column, 15);
  EXPECT_EQ(r.corrections[0].after, "søgte");
}

TEST_F(RepairTest, JoinsHyphenatedWordOntoFirstLine) {
  RepairedText r = Repair(DocOf("Kommunen har ansvar for bgr-\nnene i byen."), *lexicon_);
  EXPECT_EQ(TextOf(r), "Kommunen har ansvar for børnene\ni byen.\n");
  ASSERT_EQ(r.corrections.size(), 2u);
  EXPECT_EQ(r.corrections[0].line, 1);
  EXPECT_EQ(r.corrections[0].column, 25);
  EXPECT_EQ(r.corrections[0].before, "bgr-");
  EXPECT_EQ(r.corrections[0].after, "børnene");
  EXPECT_EQ(r.corrections[0].rule, "hyphen-join+confusion:g->ø");
  EXPECT_EQ(r.corrections[1].line, 2);
  EXPECT_EQ(r.corrections[1].column, 1);
  EXPECT_EQ(r.corrections[1].before, "nene ");
  EXPECT_EQ(r.corrections[1].after, "");
  EXPECT_EQ(r.corrections[1].rule, "hyphen-join");
}

TEST_F(RepairTest, RepairsHyphenatedWordInPlaceWhenNotJoining) {
  EXPECT_EQ(Run("Kommunen har ansvar for bgr-\nnene i byen.", false),
            "Kommunen har ansvar for bør-\nnene i byen.\n");
  EXPECT_EQ(Run("De har veeret i sager om aresrelate-\nrede konflikter.", false),
            "De har været i sager om æresrelate-\nrede konflikter.\n");
}

TEST_F(RepairTest, NextPageMayContinueAHyphenatedWord) {
  // After a page ending in "...-", the next page's first lower-case word may
  // be the rest of a split word: it is not repaired alone. Otherwise it is.
  Document doc = DocOf("halvar og fgrste");
  Page second = doc.pages[0];
  second.number = 2;
  Page third = second;
  third.number = 3;
  doc.pages[0].lines[0].text = "halvar og fgrste med radgiv-";
  doc.pages.push_back(second);
  doc.pages.push_back(third);
  RepairedText r = Repair(doc, *lexicon_);
  ASSERT_EQ(r.pages.size(), 3u);
  EXPECT_EQ(r.pages[0].lines[0].text, "halvår og første med rådgiv-");
  EXPECT_EQ(r.pages[1].lines[0].text, "halvar og første");
  EXPECT_EQ(r.pages[2].lines[0].text, "halvår og første");
}

TEST_F(RepairTest, APageMayStartInsideASentence) {
  // "Igbet" first on a page is "løbet" after a page ending inside a
  // sentence, and "Løbet" after one ending a sentence.
  Document doc = DocOf("Sagerne er fordelt i fgrste halvar, og i");
  Page second = doc.pages[0];
  second.number = 2;
  second.lines[0].text = "Igbet af aret kom der flere.";
  Page third = second;
  third.number = 3;
  doc.pages.push_back(second);
  doc.pages.push_back(third);
  RepairedText r = Repair(doc, *lexicon_);
  ASSERT_EQ(r.pages.size(), 3u);
  EXPECT_EQ(r.pages[1].lines[0].text, "løbet af året kom der flere.");
  EXPECT_EQ(r.pages[2].lines[0].text, "Løbet af året kom der flere.");
}

TEST_F(RepairTest, AWordAfterAPipeReadForIStartsNoSentence) {
  // "| Igbet af 2024" is "I løbet af 2024"; a table row keeps its cells'
  // capitals.
  EXPECT_EQ(Run("| Igbet af 2024 har de i alt modtaget 827 henvendelser.\n| Abningstid | 12 |\n"),
            "I løbet af 2024 har de i alt modtaget 827 henvendelser.\n| Åbningstid | 12 |\n");
}

TEST_F(RepairTest, KeepsLineStructure) {
  const std::string damaged = "Tabel 1. Arlig udvikling\n\n2021 | 2022 | 2023\n46 41 64\n";
  RepairedText r = Repair(DocOf(damaged), *lexicon_);
  ASSERT_EQ(r.pages.size(), 1u);
  ASSERT_EQ(r.pages[0].lines.size(), 4u);
  EXPECT_EQ(r.pages[0].lines[0].text, "Tabel 1. Årlig udvikling");
  EXPECT_EQ(r.pages[0].lines[2].text, "2021 | 2022 | 2023");  // table pipes are not I
  EXPECT_EQ(r.pages[0].lines[3].number, 4);
}

TEST_F(RepairTest, KeepsWordBoxesInStep) {
  Document doc = DocOf("Bgrnene gar hjem.");
  Line& line = doc.pages[0].lines[0];
  const char* words[] = {"Bgrnene", "gar", "hjem."};
  for (int i = 0; i < 3; ++i) {
    Word w;
    w.text = words[i];
    w.box = Box{10.0 * i, 0, 10.0 * i + 8, 10};
    w.confidence = 90;
    line.words.push_back(w);
  }
  RepairedText r = Repair(doc, *lexicon_);
  const std::vector<Word>& out = r.pages[0].lines[0].words;
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].text, "Børnene");
  EXPECT_EQ(out[1].text, "går");
  EXPECT_EQ(out[2].text, "hjem.");
  EXPECT_EQ(out[1].box.x0, 10.0);
  EXPECT_EQ(out[1].confidence, 90);
}

TEST_F(RepairTest, ListsUndecidedWords) {
  // A word with no Danish reading that looks damaged is listed; an
  // abbreviation is not.
  RepairedText r = Repair(DocOf("Det er en xqzv dag med 5 pct. mere."), *lexicon_);
  EXPECT_EQ(TextOf(r), "Det er en xqzv dag med 5 pct. mere.\n");
  ASSERT_EQ(r.undecided.size(), 1u);
  EXPECT_EQ(r.undecided[0].before, "xqzv");
  EXPECT_EQ(r.undecided[0].after, "");
  EXPECT_EQ(r.undecided[0].rule, "unknown-word");
  EXPECT_EQ(r.undecided[0].column, 11);
}

// A word no lexicon knows is less likely right as read than a compound of
// attested words one usual misreading away, even with a rare head
// ("kuffert", "hjelm"); "kontori" still splits into "kontor i" rather than
// taking a compound reading.
TEST_F(RepairTest, UnknownWordYieldsToACompoundOfAttestedWords) {
  RepairedText r = Repair(DocOf("Radgiveren skrev sterrelsen ned: kuffertsterrelsen og hjelmsterrelsen var "
                                "sterre i kontori dag."),
                          *lexicon_);
  EXPECT_EQ(TextOf(r),
            "Rådgiveren skrev størrelsen ned: kuffertstørrelsen og hjelmstørrelsen var større i kontor i dag.\n");
}

// A three-letter compound head seen a dozen times ("gæt") is a part; the
// compound beats both the word as read and a junk reading ("gåetværdien").
TEST_F(RepairTest, ShortHeadSeenADozenTimesMakesACompound) {
  RepairedText r = Repair(DocOf("Radgiveren skrev sterrelsen ned: getvaerdien og gaetvaerdien var sterre."), *lexicon_);
  EXPECT_EQ(TextOf(r), "Rådgiveren skrev størrelsen ned: gætværdien og gætværdien var større.\n");
}

// A compound whose parts the corpus attests well stands as read, though
// hunspell-da's rules reject it ("store" may not begin a compound there)
// and accept a junk reading ("støre" + "kommuner").
TEST_F(RepairTest, ACompoundOfWellAttestedPartsStandsThoughHunspellRejectsIt) {
  RepairedText r = Repair(DocOf("Vi ser storeregioner, storekommuner og storefamilier."), *lexicon_);
  EXPECT_EQ(TextOf(r), "Vi ser storeregioner, storekommuner og storefamilier.\n");
  EXPECT_TRUE(r.corrections.empty());
}

// A word run onto the number before it, or a number onto the word before
// it, is split off; a manual section ("perl(3perl)"), a short unit
// ("10mio.") and a name with its number ("COVID19") are left.
TEST_F(RepairTest, AWordRunOntoANumberIsSplitOff) {
  RepairedText r = Repair(DocOf("Der var 1.021henvendelser, se perl(3perl) og 10mio. kr."), *lexicon_);
  EXPECT_EQ(TextOf(r), "Der var 1.021 henvendelser, se perl(3perl) og 10mio. kr.\n");
  ASSERT_EQ(r.corrections.size(), 1u);
  EXPECT_EQ(r.corrections[0].before, "1.021henvendelser");
  EXPECT_EQ(r.corrections[0].after, "1.021 henvendelser");
  EXPECT_EQ(r.corrections[0].rule, "split-from-number");
  // ... and the number after a word: a table row, a half year; a name with
  // its number stays.
  RepairedText rows = Repair(DocOf("Region Hovedstaden146 i 1. halvår2025, ikke COVID19."), *lexicon_);
  EXPECT_EQ(TextOf(rows), "Region Hovedstaden 146 i 1. halvår 2025, ikke COVID19.\n");
}

TEST_F(RepairTest, ListsACompoundOnlyHunspellAcceptsAsAGuess) {
  // "præ" + "udfyldte": hunspell-da's rules accept it, but the corpus never
  // shows "præ" on its own, so it is no repair; it is the guess shown. The
  // word as read has no sign of damage that Danish spelling lacks (an "e"
  // may be an e), so it stays.
  RepairedText r = Repair(DocOf("Se de preudfyldte felter."), *lexicon_);
  EXPECT_EQ(TextOf(r), "Se de preudfyldte felter.\n");
  ASSERT_EQ(r.undecided.size(), 1u);
  EXPECT_EQ(r.undecided[0].before, "preudfyldte");
  EXPECT_EQ(r.undecided[0].after, "præudfyldte");
  EXPECT_EQ(r.undecided[0].rule, "confusion:e->æ");
}

TEST_F(RepairTest, TakesTheGuessWhenTheWordCannotStand) {
  // "ee", "ae", "z" and "gg" after a consonant are English-OCR damage that
  // Danish spelling all but never shows: when hunspell-da rejects such a
  // word and accepts the guess, the guess replaces it, with half confidence.
  // The linking-e reading "præe" + "udfyldte" is no compound: its stem is
  // as short as "præ".
  RepairedText r = Repair(DocOf("Se de preeudfyldte og praeudfyldte felter i feedback."), *lexicon_);
  EXPECT_EQ(TextOf(r), "Se de præudfyldte og præudfyldte felter i feedback.\n");
  EXPECT_TRUE(r.undecided.empty());
  ASSERT_EQ(r.corrections.size(), 2u);
  EXPECT_EQ(r.corrections[0].rule, "confusion:ee->æ");
  EXPECT_DOUBLE_EQ(r.corrections[0].confidence, 0.5);
  // A guess hunspell-da rejects is still only a guess ("zxq" has none).
  RepairedText junk = Repair(DocOf("Se de preezxqfelter."), *lexicon_);
  EXPECT_EQ(TextOf(junk), "Se de preezxqfelter.\n");
}

TEST_F(RepairTest, ListsRealWordsItCannotDecideInDamagedText) {
  // "vare" (last) and "være" (be) both fit after "kan"; in a document whose
  // æ are all misread it is reported, not changed.
  RepairedText r = Repair(DocOf("Mgdet kan vare flere timer, men det er svaert at sige hvor lzenge."), *lexicon_);
  EXPECT_EQ(TextOf(r), "Mødet kan vare flere timer, men det er svært at sige hvor længe.\n");
  ASSERT_EQ(r.undecided.size(), 1u);
  EXPECT_EQ(r.undecided[0].before, "vare");
  EXPECT_EQ(r.undecided[0].after, "være");
  EXPECT_EQ(r.undecided[0].column, 11);
  EXPECT_EQ(r.undecided[0].rule, "confusion:a->æ");
}

TEST_F(RepairTest, SurvivesHostileInput) {
  // Long runs of confusable letters, invalid UTF-8, control characters.
  std::string text = std::string(47, 'a') + " " + std::string(300, 'e') + " \xff\xfe g\x01" + "ae |\n|\n";
  RepairedText r = Repair(DocOf(text), *lexicon_);
  ASSERT_EQ(r.pages.size(), 1u);
  EXPECT_EQ(r.pages[0].lines.size(), 2u);
  Document empty;
  EXPECT_TRUE(Repair(empty, *lexicon_).pages.empty());
}

TEST_F(RepairTest, SeedNoteFigures) {
  // The sample note's OCR text against its hand-corrected text (same lines).
  auto read = [](const std::string& path) {
    std::ifstream in(path);
    std::vector<std::string> lines;
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    return lines;
  };
  std::vector<std::string> ocr = read(std::string(NOTAT_SOURCE_DIR) + "/samples/note-2025-h1.ocr.txt");
  std::vector<std::string> truth = read(std::string(NOTAT_SOURCE_DIR) + "/samples/note-2025-h1.txt");
  ASSERT_EQ(ocr.size(), truth.size());
  std::string text;
  for (const std::string& l : ocr) text += l + "\n";
  RepairOptions o;
  o.join_hyphens = false;
  RepairedText r = Repair(DocOf(text), *lexicon_, o);
  auto words = [](const std::string& line) {
    std::istringstream in(line);
    std::vector<std::string> w;
    for (std::string s; in >> s;) w.push_back(s);
    return w;
  };
  int damaged = 0, restored = 0, false_corrections = 0, compared = 0;
  for (size_t i = 0; i < ocr.size(); ++i) {
    std::vector<std::string> o_w = words(ocr[i]), t_w = words(truth[i]), r_w = words(r.pages[0].lines[i].text);
    if (o_w.size() != t_w.size() || r_w.size() != o_w.size()) continue;  // line 14: OCR split a word
    for (size_t k = 0; k < o_w.size(); ++k) {
      ++compared;
      if (o_w[k] != t_w[k]) {
        ++damaged;
        if (r_w[k] == t_w[k]) ++restored;
      } else if (r_w[k] != t_w[k]) {
        ++false_corrections;
        ADD_FAILURE() << "line " << i + 1 << ": " << t_w[k] << " -> " << r_w[k];
      }
    }
  }
  EXPECT_EQ(compared, 737);
  EXPECT_EQ(damaged, 76);
  EXPECT_EQ(restored, 76);
  EXPECT_EQ(false_corrections, 0);
}

TEST_F(RepairTest, AssessesDamagedAndHealthyText) {
  Document damaged = DocOf("Der blev sggt om tilskud til arets fgrste maned, og bgrnene gar i skole.");
  TextHealth bad = AssessText(damaged.pages[0], *lexicon_);
  EXPECT_EQ(bad.words, 14);
  EXPECT_NEAR(bad.changed_share, 6.0 / 14, 1e-9);
  Document healthy = DocOf("Der blev søgt om tilskud til årets første måned, og børnene går i skole.");
  TextHealth good = AssessText(healthy.pages[0], *lexicon_);
  EXPECT_EQ(good.words, 14);
  EXPECT_DOUBLE_EQ(good.lexicon_hit_rate, 1.0);
  EXPECT_DOUBLE_EQ(good.changed_share, 0.0);
}

// ---- unit logic with the fake lexicon ------------------------------------------

TEST(RepairFakeTest, PicksTheMostFrequentReading) {
  FakeLexicon lex({{"vi", 500}, {"går", 50}, {"gør", 5}, {"hjem", 40}});
  RepairedText r = Repair(DocOf("Vi gar hjem."), lex);
  EXPECT_EQ(TextOf(r), "Vi går hjem.\n");
  ASSERT_EQ(r.corrections.size(), 1u);
  EXPECT_EQ(r.corrections[0].rule, "confusion:a->å");
  EXPECT_EQ(r.corrections[0].column, 4);
}

TEST(RepairFakeTest, WordsLearnedWithOneLexiconDoNotCarryToAnother) {
  // The per-thread word caches belong to one lexicon: alternating two
  // lexicons in one thread gives each its own reading.
  FakeLexicon a({{"vi", 500}, {"går", 50}, {"gør", 5}, {"hjem", 40}});
  FakeLexicon b({{"vi", 500}, {"går", 1}, {"gør", 100}, {"hjem", 40}});
  for (int round = 0; round < 2; ++round) {
    EXPECT_EQ(TextOf(Repair(DocOf("Vi gar hjem."), a)), "Vi går hjem.\n") << round;
    EXPECT_EQ(TextOf(Repair(DocOf("Vi gar hjem."), b)), "Vi gør hjem.\n") << round;
  }
}

TEST(RepairFakeTest, LeavesUnknownWordsAndSaysSo) {
  // Neither has a reading in this lexicon; only the one with signs of
  // damage (z) is reported.
  FakeLexicon lex({{"vi", 500}, {"hjem", 40}});
  RepairedText r = Repair(DocOf("Vi gar hjzm."), lex);
  EXPECT_EQ(TextOf(r), "Vi gar hjzm.\n");
  EXPECT_TRUE(r.corrections.empty());
  ASSERT_EQ(r.undecided.size(), 1u);
  EXPECT_EQ(r.undecided[0].before, "hjzm");
  EXPECT_EQ(r.undecided[0].rule, "unknown-word");
}

TEST(RepairFakeTest, AWordTheDocumentRepairedElsewhereIsLikelierInIt) {
  // "lase" reads as låse by the channel (a for å is the common slip) and the
  // corpus; but this document twice shows læse damaged beyond doubt, so here
  // it is læse.
  FakeLexicon lex({{"og", 100000}, {"vi", 500}, {"skal", 500}, {"han", 500}, {"vil", 500}, {"hun", 500},
                   {"kan", 500}, {"den", 500}, {"bogen", 50}, {"nu", 500}, {"låse", 5}, {"læse", 2}});
  EXPECT_EQ(TextOf(Repair(DocOf("Hun kan lase den nu."), lex)), "Hun kan låse den nu.\n");
  EXPECT_EQ(TextOf(Repair(DocOf("Vi skal laese bogen, og han vil leese den.\nHun kan lase den nu."), lex)),
            "Vi skal læse bogen, og han vil læse den.\nHun kan læse den nu.\n");
  // The same misreading three times is no evidence for its own first
  // reading: only repairs of other forms count.
  EXPECT_EQ(TextOf(Repair(DocOf("Vi skal laese bogen.\nHun kan lase den, lase den og lase den nu."), lex)),
            "Vi skal læse bogen.\nHun kan læse den, læse den og læse den nu.\n");
}

TEST(RepairFakeTest, SkipsAddressesAndWordsTouchingDigits) {
  FakeLexicon lex({{"på", 100}, {"se", 10}});
  RepairedText r = Repair(DocOf("Se pa.example.org og pa2 og http://x.dk/pa"), lex);
  EXPECT_TRUE(r.corrections.empty());
}

TEST(RepairFakeTest, NoJoinBeforeConjunction) {
  FakeLexicon lex({{"social", 10}, {"og", 100}, {"sundhed", 10}, {"socialog", 1}});
  RepairedText r = Repair(DocOf("social-\nog sundhed"), lex);
  EXPECT_EQ(TextOf(r), "social-\nog sundhed\n");
}

TEST(RepairFakeTest, TwoWordsAcrossALineEndWhoseHyphenTheOcrLostAreJoined) {
  // "efter" / "fulgt": both words, but the corpus writes them as one word
  // often and never apart: a line-end hyphen the OCR lost. Side by side on
  // one line they stay apart (writers split compounds: "felt skilletegn").
  FakeLexicon lex({{"linjen", 50}, {"er", 5000}, {"efter", 500}, {"fulgt", 40}, {"efterfulgt", 30}, {"af", 3000},
                   {"en", 4000}, {"tom", 60}});
  EXPECT_EQ(TextOf(Repair(DocOf("Linjen er efter\nfulgt af en tom."), lex)), "Linjen er efterfulgt\naf en tom.\n");
  EXPECT_EQ(TextOf(Repair(DocOf("Linjen er efter fulgt af en tom."), lex)), "Linjen er efter fulgt af en tom.\n");
  // ... not when the corpus shows them apart too
  lex.AddBigram("efter", "fulgt", 2);
  EXPECT_EQ(TextOf(Repair(DocOf("Linjen er efter\nfulgt af en tom."), lex)), "Linjen er efter\nfulgt af en tom.\n");
}

TEST(RepairFakeTest, ACapitalAfterAWordThatIntroducesLabelsIsKept) {
  // "alle Knapper": a capital misread for a small letter; "feltet Knapper":
  // the corpus shows capitals after "feltet" in a tenth of its uses, so the
  // capital is a label's.
  FakeLexicon lex({{"skriv", 500}, {"i", 5000}, {"alle", 500}, {"feltet", 100}, {"knapper", 100}, {"nu", 500}});
  EXPECT_EQ(TextOf(Repair(DocOf("Skriv i alle Knapper nu."), lex)), "Skriv i alle knapper nu.\n");
  lex.AddBigram("feltet", kLexCapitalWord, 20);
  EXPECT_EQ(TextOf(Repair(DocOf("Skriv i feltet Knapper nu."), lex)), "Skriv i feltet Knapper nu.\n");
  lex.AddBigram("feltet", kLexCapitalWord, 5);  // too few to tell
  EXPECT_EQ(TextOf(Repair(DocOf("Skriv i feltet Knapper nu."), lex)), "Skriv i feltet knapper nu.\n");
}

}  // namespace
}  // namespace notat
