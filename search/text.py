"""Text helpers for search: one normalisation and one light stemmer for Arabic, English and Hebrew.

The same functions run over what is stored and over what is asked, so both sides always agree:

- `normalise(text)`: Unicode compatibility forms folded, diacritics (Arabic tashkeel, Hebrew niqqud, Latin
  accents) and tatweel removed, alef forms unified (أ إ آ ٱ → ا), hamza seats reduced to their seat letter
  (ؤ → و, ئ → ي), final ى → ي, ة → ه, Persian letters folded (ک → ك, ی → ي), Arabic-Indic and Persian digits
  made ASCII, invisible bidi and zero-width characters removed, Hebrew final letters made regular
  (ם → מ…), lower case.
- `word_stems(word)`: the few stems a normalised word may stand for. Arabic words lose the attached
  prefixes (و ف ب ك ل ال لل and their combinations) and common suffixes (pronouns, plural and feminine
  endings) but never below three letters; a word that merely *may* start with a one-letter prefix (بيان:
  ب + يان?) keeps both readings. English words go through the Snowball English stemmer. Hebrew words keep
  their own form and also give the readings without one to three prefix letters (ו ה ב ל מ ש כ) and without
  a plural ending (ים, ות).
- `word_terms(word)`: its stems and, for Arabic script, the variant key of each (`variant_key`), so the
  spellings of a borrowed name (غوغل، جوجل، قوقل) meet; English irregular plurals also give their singular.
- `analyse(text)`: the terms of a whole text, for the index; `joined_terms(text)`: the terms of each two
  neighbouring words written as one (رايتس كون → رايتسكون), for the short texts of an item (titles, names);
  `query_terms(text)`: for each word of a query the set of its terms, with those of the word joined to
  each neighbour (a document matches a word when it holds any of them, so فيس بوك finds فيسبوك).
"""

import re
import threading
import unicodedata
from functools import lru_cache

import snowballstemmer

# Invisible characters are removed whatever their category name says (format characters: bidi marks
# and isolates, zero-width joiners and spaces, the byte-order mark, the soft hyphen, the Arabic letter mark).
_DIGITS = {ord("٠") + i: str(i) for i in range(10)} | {ord("۰") + i: str(i) for i in range(10)}
_LETTERS = {
    ord("ٱ"): "ا",
    ord("ى"): "ي",
    ord("ة"): "ه",
    ord("ک"): "ك",
    ord("ی"): "ي",
    # Letters Arabic borrows for sounds it lacks (v, p, g, ch), also written with the nearest Arabic letter.
    ord("ڤ"): "ف",
    ord("پ"): "ب",
    ord("گ"): "ك",
    ord("چ"): "ك",
    ord("ژ"): "ز",
    ord("ـ"): None,  # tatweel
    ord("ך"): "כ",
    ord("ם"): "מ",
    ord("ן"): "נ",
    ord("ף"): "פ",
    ord("ץ"): "צ",
}
# Combining marks (tashkeel, niqqud, accents once decomposed) and invisible format and control characters.
_DROPPED = {
    code: None
    for code in range(0x10000)
    if unicodedata.category(chr(code)) in {"Mn", "Me", "Cf", "Cc", "Cs", "Co"} and not chr(code).isspace()
}
_TRANSLATE = _DROPPED | _DIGITS | _LETTERS
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]+")
# A run of letters as written, diacritics, tatweel and invisible joiners included: used to find
# words in the original text (highlighting) before normalising each of them.
WRITTEN_WORD = re.compile(
    r"[^\W_][\w\u0300-\u036f\u0591-\u05c7\u0610-\u061a\u061c\u064b-\u065f\u0670\u06d6-\u06ed"
    r"\u0640\u00ad\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]*"
)

ARABIC_ARTICLES = ("وبال", "وكال", "فبال", "فكال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال")
ARABIC_CLITICS = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ك", "ل")
# Longest first: pronouns, then plural, dual and feminine endings, then the single letters.
ARABIC_SUFFIXES = ("هما", "كما", "هم", "هن", "كم", "كن", "ها", "نا", "ات", "ون", "ين", "ان", "يه", "ه", "ي")
ARABIC_PRONOUN_SUFFIXES = {"هما", "كما", "هم", "هن", "كم", "كن", "ها", "نا", "ه"}
ARABIC_MIN_STEM = 3
HEBREW_PREFIXES = set("והבלמשכ")
HEBREW_MIN_STEM = 3
HEBREW_PLURALS = ("ימ", "ות")  # ים with its final mem made regular by `normalise`

# Broken plurals (جموع التكسير) change the inside of the word, so no prefix or suffix rule finds their
# singular. These are the ones a digital-rights organisation writes about, as written; each also gives
# the stem of its singular, in the index and in queries alike, so تقارير finds a text that says تقرير and
# the other way round. A plural keeps its own stems too: text indexed before an entry was added still
# matches, and `rebuild_search_index` gives it the singular's stem as well.
_BROKEN_PLURALS_WRITTEN = """
حقوق حق · تقارير تقرير · قوانين قانون · مواقع موقع · أخبار خبر · وسائل وسيلة · أجهزة جهاز · دول دولة
مدن مدينة · قرى قرية · أطفال طفل · رجال رجل · شباب شاب · طلاب طالب · أفراد فرد · أشخاص شخص
برامج برنامج · مشاريع مشروع · أنشطة نشاط · أعمال عمل · جرائم جريمة · أوامر أمر · أحكام حكم · محاكم محكمة
سجون سجن · أسرى أسير · شهداء شهيد · مناطق منطقة · حدود حد · طرق طريق · بيوت بيت · منازل منزل
أراضي أرض · مصادر مصدر · رسائل رسالة · كتب كتاب · دروس درس · ورش ورشة · أدلة دليل · مبادئ مبدأ
معايير معيار · أساليب أسلوب · أسباب سبب · نتائج نتيجة · أهداف هدف · مطالب مطلب · وسوم وسم · صور صورة
أفلام فيلم · أصوات صوت · آراء رأي · أفكار فكرة · مجالس مجلس · لجان لجنة · شركاء شريك · أعضاء عضو
زملاء زميل · خبراء خبير · قادة قائد · وزراء وزير · نواب نائب · مراكز مركز · مدارس مدرسة · قنوات قناة
أنظمة نظام · هواتف هاتف · حواسيب حاسوب · عناوين عنوان · أسماء اسم · أرقام رقم · شهور شهر
أيام يوم · أسابيع أسبوع · فرص فرصة · مخاطر خطر · ضحايا ضحية · جرحى جريح · أماكن مكان · مواد مادة
مراحل مرحلة · عوامل عامل · قضايا قضية · مسائل مسألة · مشاكل مشكلة · حلول حل · ظروف ظرف · أوضاع وضع
جهود جهد · مواضيع موضوع · محاور محور · منابر منبر · صحف صحيفة · مدونات مدونة · أنباء نبأ · وثائق وثيقة
ملايين مليون · آلاف ألف · مئات مئة · أسئلة سؤال · أجوبة جواب · دساتير دستور · لوائح لائحة · شروط شرط
"""


def _broken_plurals(written):
    pairs = (pair.split() for line in written.strip().splitlines() for pair in line.split("·"))
    return {normalise(plural): normalise(singular) for plural, singular in pairs}


# Words that carry no meaning on their own, in their normalised form; dropped from index and queries.
_ENGLISH_STOPWORDS = "a an and are as at be by for from in is it of on or the to with this that these those was were"
_ARABIC_STOPWORDS = "في من علي الي عن مع هذا هذه ذلك تلك التي الذي الذين او ثم ان قد ما لا و ف ب ل ك"
_HEBREW_STOPWORDS = "של את על עם גם או כי זה זו הוא היא"
STOPWORDS = frozenset(" ".join((_ENGLISH_STOPWORDS, _ARABIC_STOPWORDS, _HEBREW_STOPWORDS)).split(" "))

# Irregular English plurals the Snowball stemmer leaves alone: each also gives its singular's stem.
ENGLISH_IRREGULAR_PLURALS = {
    "children": "child",
    "people": "person",
    "women": "woman",
    "men": "man",
    "mice": "mouse",
    "feet": "foot",
    "teeth": "tooth",
    "geese": "goose",
    "lives": "life",
    "wives": "wife",
    "knives": "knife",
    "analyses": "analysis",
    "crises": "crisis",
    "theses": "thesis",
    "media": "medium",
    "data": "datum",
    "criteria": "criterion",
    "phenomena": "phenomenon",
}

# Variant keys: transliterations write the g of a borrowed name غ, ج or ق, double letters or not, and
# write its vowels long or leave them out (تلغرام، تيليجرام). The key of an Arabic stem keeps its first
# letter, drops doubled letters and the long vowels after the first letter, and writes the three g letters
# alike. Native words would meet too often this way (حقوق and حجج), so keys are taken only from stems of four
# letters or more, must keep three letters, and carry a mark of their own: a key meets only other keys,
# never a stem.
VARIANT_MARK = "v"
VARIANT_MIN_STEM = 4
VARIANT_MIN_KEY = 3
_G_LETTERS = str.maketrans({"غ": "ج", "ق": "ج"})
_LONG_VOWELS = frozenset("اوي")

_local = threading.local()


def _english_stemmer():
    # Snowball stemmer objects keep state while they work: one per thread.
    stemmer = getattr(_local, "english", None)
    if stemmer is None:
        stemmer = _local.english = snowballstemmer.stemmer("english")
    return stemmer


def normalise(text):
    """The searchable form of any text (see the module's description)."""
    if not text:
        return ""
    text = _SPACES.sub(" ", unicodedata.normalize("NFKC", str(text)))
    # Decomposing splits the hamza and madda off their seats (أ → ا + ٔ) and accents off Latin letters.
    text = unicodedata.normalize("NFD", text)
    text = text.translate(_TRANSLATE)
    if not text.isascii():  # marks outside the first plane, rare
        text = "".join(char for char in text if ord(char) < 0x10000 or unicodedata.category(char)[0] not in "MC")
    text = unicodedata.normalize("NFC", text).casefold()
    return _SPACES.sub(" ", text).strip()


BROKEN_PLURALS = _broken_plurals(_BROKEN_PLURALS_WRITTEN)


def spelling(written):
    """A word as written, for showing: diacritics, tatweel and invisible characters left out."""
    kept = unicodedata.normalize("NFC", unicodedata.normalize("NFKC", written))
    return "".join(char for char in kept if ord(char) not in _DROPPED and char != "ـ")


def words(text):
    """The normalised words of a text, in order, stop words included."""
    return _WORD.findall(normalise(text))


def script_of(word):
    for char in word:
        if "\u0620" <= char <= "\u06ff":
            return "arabic"
        if "\u05d0" <= char <= "\u05ea":
            return "hebrew"
        if char.isalpha():
            return "latin"
    return "number"


def strip_arabic_suffixes(word):
    return _suffix_forms(word)[-1]


def _suffix_forms(word):
    """The word, then each form it takes as its suffixes come off one by one (the last is its stem)."""
    forms = [word]
    changed = True
    while changed:
        changed = False
        for suffix in ARABIC_SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= ARABIC_MIN_STEM:
                word = word[: -len(suffix)]
                # تاء مربوطة becomes ت before a pronoun (أنشطتنا ← أنشطة): give it back.
                if (
                    suffix in ARABIC_PRONOUN_SUFFIXES
                    and word.endswith("ت")
                    and not word.endswith("ات")
                    and len(word) > 3
                ):
                    word = word[:-1] + "ه"
                forms.append(word)
                changed = True
                break
    return forms


def _stems_of_reading(reading):
    """A reading's stem, and its singular's when a form on the way is a broken plural (تقاريرهم → تقارير)."""
    forms = _suffix_forms(reading)
    stems = {forms[-1]}
    stems.update(strip_arabic_suffixes(BROKEN_PLURALS[form]) for form in forms if form in BROKEN_PLURALS)
    return stems


def arabic_stems(word):
    for article in ARABIC_ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= 2:
            return _stems_of_reading(word[len(article) :])
    readings = {word}
    for clitic in ARABIC_CLITICS:
        if word.startswith(clitic) and len(word) - len(clitic) >= ARABIC_MIN_STEM:
            readings.add(word[len(clitic) :])
            break
    return set().union(*(_stems_of_reading(reading) for reading in readings))


def hebrew_stems(word):
    readings = {word}
    rest = word
    for _ in range(3):
        if rest[:1] in HEBREW_PREFIXES and len(rest) - 1 >= HEBREW_MIN_STEM:
            rest = rest[1:]
            readings.add(rest)
        else:
            break
    for reading in list(readings):
        for plural in HEBREW_PLURALS:
            if reading.endswith(plural) and len(reading) - len(plural) >= HEBREW_MIN_STEM:
                readings.add(reading[: -len(plural)])
    return readings


@lru_cache(maxsize=200_000)
def word_stems(word):
    """The stems a normalised word may stand for (a frozenset, empty for stop words)."""
    if not word or word in STOPWORDS:
        return frozenset()
    script = script_of(word)
    if script == "arabic":
        return frozenset(arabic_stems(word))
    if script == "hebrew":
        return frozenset(hebrew_stems(word))
    if script == "latin":
        if len(word) < 2:
            return frozenset()
        stems = {_english_stemmer().stemWord(word)}
        if word in ENGLISH_IRREGULAR_PLURALS:
            stems.add(_english_stemmer().stemWord(ENGLISH_IRREGULAR_PLURALS[word]))
        return frozenset(stems)
    return frozenset({word})


def variant_key(stem):
    """The marked variant key of an Arabic stem, or "" when it has none (see VARIANT_MARK)."""
    if len(stem) < VARIANT_MIN_STEM or script_of(stem) != "arabic":
        return ""
    undoubled = [char for position, char in enumerate(stem) if position == 0 or char != stem[position - 1]]
    skeleton = undoubled[:1] + [char for char in undoubled[1:] if char not in _LONG_VOWELS]
    key = "".join(skeleton).translate(_G_LETTERS)
    return VARIANT_MARK + key if len(key) >= VARIANT_MIN_KEY else ""


@lru_cache(maxsize=200_000)
def word_terms(word):
    """What a normalised word is indexed and searched by: its stems and their variant keys (a frozenset)."""
    stems = word_stems(word)
    keys = {variant_key(stem) for stem in stems} - {""}
    return stems | keys if keys else stems


@lru_cache(maxsize=50_000)
def written_word_stems(written):
    """The stems of one word as it is written in a text (diacritics, hamza seats, letter case and all).

    Highlighting asks this of every word of every result shown, mostly the same common words again:
    normalising a word costs several passes over it, a lookup here costs none.
    """
    terms = frozenset()
    for word in words(written):
        terms |= word_terms(word)
    return terms


def analyse(text):
    """Every term of a text, in order of appearance, for the index (a list, repeats kept)."""
    terms = []
    for word in words(text):
        terms.extend(sorted(word_terms(word)))
    return terms


def label_terms(text):
    """The terms of a label written in its base form (a section's name, a kind), for the index.

    Hebrew words of a label keep their first letters: the stemmer would take them for prefixes and make
    the label meet unrelated words (הכשרות is not ה + כ + ש + רות); only a plural ending comes off.
    """
    terms = []
    for word in words(text):
        if script_of(word) != "hebrew":
            terms.extend(sorted(word_terms(word)))
        elif word not in STOPWORDS:
            singular = next((word[: -len(plural)] for plural in HEBREW_PLURALS if word.endswith(plural)), "")
            terms.extend([word, singular] if len(singular) >= HEBREW_MIN_STEM else [word])
    return terms


def _joined(first, second):
    """The terms of two neighbouring words written as one; none when either is a stop word or no word."""
    if not (word_stems(first) and word_stems(second)):
        return frozenset()
    return word_terms(first + second)


def joined_terms(text):
    """The terms of each two neighbouring words of `text` written as one (a list, for the index)."""
    text_words = words(text)
    terms = []
    for first, second in zip(text_words, text_words[1:], strict=False):
        terms.extend(sorted(_joined(first, second)))
    return terms


def terms_of_words(query_words):
    """For each word, the set of its terms and of its joins to either neighbour (empty for stop words)."""
    joins = [_joined(first, second) for first, second in zip(query_words, query_words[1:], strict=False)]
    result = []
    for position, word in enumerate(query_words):
        terms = word_terms(word)
        if terms:
            before = joins[position - 1] if position > 0 else frozenset()
            after = joins[position] if position < len(joins) else frozenset()
            terms = terms | before | after
        result.append(terms)
    return result


def query_terms(text, max_words=12):
    """For each meaningful word of a query (at most `max_words`), the set of its terms."""
    terms = []
    for terms_of_word in terms_of_words(words(text)):
        if terms_of_word and terms_of_word not in terms:
            terms.append(terms_of_word)
        if len(terms) >= max_words:
            break
    return terms
