// The only C file that includes ICU. Every call goes through here so that ICU's version
// renaming (ubrk_open → ubrk_open_72) is applied by the C preprocessor, not by Swift.
#include "mtlint_icu.h"

#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/ulocdata.h>
#include <unicode/unorm2.h>
#include <unicode/uset.h>
#include <unicode/uregex.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>

_Static_assert(MT_BREAK_CHARACTER == UBRK_CHARACTER, "break kind mirrors ICU");
_Static_assert(MT_BREAK_WORD == UBRK_WORD, "break kind mirrors ICU");
_Static_assert(MT_BREAK_LINE == UBRK_LINE, "break kind mirrors ICU");
_Static_assert(MT_BREAK_SENTENCE == UBRK_SENTENCE, "break kind mirrors ICU");
_Static_assert(MT_WORD_NUMBER == UBRK_WORD_NUMBER, "word status mirrors ICU");
_Static_assert(MT_WORD_LETTER == UBRK_WORD_LETTER, "word status mirrors ICU");
_Static_assert(MT_WORD_KANA == UBRK_WORD_KANA, "word status mirrors ICU");
_Static_assert(MT_WORD_IDEO == UBRK_WORD_IDEO, "word status mirrors ICU");
_Static_assert(MT_REGEX_CASE_INSENSITIVE == UREGEX_CASE_INSENSITIVE, "regex flag mirrors ICU");
_Static_assert(MT_REGEX_COMMENTS == UREGEX_COMMENTS, "regex flag mirrors ICU");
_Static_assert(MT_REGEX_DOTALL == UREGEX_DOTALL, "regex flag mirrors ICU");
_Static_assert(MT_REGEX_MULTILINE == UREGEX_MULTILINE, "regex flag mirrors ICU");
_Static_assert(MT_REGEX_UWORD == UREGEX_UWORD, "regex flag mirrors ICU");
_Static_assert(sizeof(UChar) == sizeof(uint16_t), "UTF-16 code unit");

const char *mt_error_name(int32_t status) { return u_errorName((UErrorCode)status); }

/// A version as text ("72.1"), cut to `capacity` bytes with its terminating NUL.
static void mt_version_text(const UVersionInfo info, char *buffer, int32_t capacity) {
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_versionToString(info, text);
    if (capacity > 0) {
        strncpy(buffer, text, (size_t)capacity - 1);
        buffer[capacity - 1] = 0;
    }
}

void mt_icu_version(char *buffer, int32_t capacity) {
    UVersionInfo info;
    u_getVersion(info);
    mt_version_text(info, buffer, capacity);
}

void mt_unicode_version(char *buffer, int32_t capacity) {
    UVersionInfo info;
    u_getUnicodeVersion(info);
    mt_version_text(info, buffer, capacity);
}

int32_t mt_utf8_to_utf16(const char *source, int32_t sourceLength, uint16_t *destination,
                         int32_t capacity, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    int32_t length = 0;
    u_strFromUTF8((UChar *)destination, capacity, &length, source, sourceLength, &code);
    *status = code;
    return length;
}

// MARK: Breaks

MTBreakIterator *mt_break_open(int32_t kind, const char *locale, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open((UBreakIteratorType)kind, locale, NULL, 0, &code);
    *status = code;
    if (U_FAILURE(code)) {
        if (iterator) ubrk_close(iterator);
        return NULL;
    }
    return (MTBreakIterator *)iterator;
}

MTBreakIterator *mt_break_clone(const MTBreakIterator *iterator, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UBreakIterator *clone = ubrk_clone((const UBreakIterator *)iterator, &code);
    *status = code;
    return U_FAILURE(code) ? NULL : (MTBreakIterator *)clone;
}

void mt_break_close(MTBreakIterator *iterator) {
    if (iterator) ubrk_close((UBreakIterator *)iterator);
}

void mt_break_set_text(MTBreakIterator *iterator, const uint16_t *text, int32_t length, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    ubrk_setText((UBreakIterator *)iterator, (const UChar *)text, length, &code);
    *status = code;
}

int32_t mt_break_first(MTBreakIterator *iterator) { return ubrk_first((UBreakIterator *)iterator); }

int32_t mt_break_next_boundaries(MTBreakIterator *iterator, int32_t *boundaries, int32_t *statuses,
                                 int32_t capacity) {
    UBreakIterator *it = (UBreakIterator *)iterator;
    int32_t count = 0;
    while (count < capacity) {
        int32_t boundary = ubrk_next(it);
        if (boundary == UBRK_DONE) break;
        boundaries[count] = boundary;
        if (statuses) statuses[count] = ubrk_getRuleStatus(it);
        count++;
    }
    return count;
}

// MARK: Regular expressions

MTRegex *mt_regex_open(const uint16_t *pattern, int32_t length, uint32_t flags, int32_t *errorLine,
                       int32_t *errorOffset, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UParseError parseError;
    memset(&parseError, 0, sizeof parseError);
    URegularExpression *regex = uregex_open((const UChar *)pattern, length, flags, &parseError, &code);
    *status = code;
    *errorLine = parseError.line;
    *errorOffset = parseError.offset;
    if (U_FAILURE(code)) {
        if (regex) uregex_close(regex);
        return NULL;
    }
    return (MTRegex *)regex;
}

MTRegex *mt_regex_clone(const MTRegex *regex, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    URegularExpression *clone = uregex_clone((const URegularExpression *)regex, &code);
    *status = code;
    return U_FAILURE(code) ? NULL : (MTRegex *)clone;
}

void mt_regex_close(MTRegex *regex) {
    if (regex) uregex_close((URegularExpression *)regex);
}

int32_t mt_regex_group_count(const MTRegex *regex, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    int32_t count = uregex_groupCount((URegularExpression *)regex, &code);
    *status = code;
    return count;
}

void mt_regex_set_limits(MTRegex *regex, int32_t steps, int32_t stackBytes, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    uregex_setTimeLimit((URegularExpression *)regex, steps, &code);
    if (U_SUCCESS(code)) uregex_setStackLimit((URegularExpression *)regex, stackBytes, &code);
    *status = code;
}

void mt_regex_set_text(MTRegex *regex, const uint16_t *text, int32_t length, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    uregex_setText((URegularExpression *)regex, (const UChar *)text, length, &code);
    *status = code;
}

void mt_regex_set_region(MTRegex *regex, int32_t start, int32_t end, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    URegularExpression *re = (URegularExpression *)regex;
    uregex_setRegion(re, start, end, &code);
    if (U_SUCCESS(code)) uregex_useAnchoringBounds(re, true, &code);
    if (U_SUCCESS(code)) uregex_useTransparentBounds(re, false, &code);
    *status = code;
}

static void mt_fill_groups(URegularExpression *re, int32_t *groups, int32_t groupCapacity, UErrorCode *code) {
    int32_t count = uregex_groupCount(re, code);
    for (int32_t group = 0; group <= count && 2 * group + 1 < groupCapacity; group++) {
        groups[2 * group] = uregex_start(re, group, code);
        groups[2 * group + 1] = uregex_end(re, group, code);
    }
}

bool mt_regex_find_next(MTRegex *regex, int32_t *groups, int32_t groupCapacity, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    URegularExpression *re = (URegularExpression *)regex;
    UBool found = uregex_findNext(re, &code);
    if (U_FAILURE(code) || !found) {
        *status = code;
        return false;
    }
    mt_fill_groups(re, groups, groupCapacity, &code);
    *status = code;
    return U_SUCCESS(code);
}

/// Matches in [start, end) with `lookingAt` (at the start) or `matches` (all of it).
static bool mt_regex_anchored(MTRegex *regex, bool whole, int32_t start, int32_t end, int32_t *groups,
                              int32_t groupCapacity, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    URegularExpression *re = (URegularExpression *)regex;
    uregex_setRegion(re, start, end, &code);
    if (U_SUCCESS(code)) uregex_useAnchoringBounds(re, true, &code);
    if (U_SUCCESS(code)) uregex_useTransparentBounds(re, false, &code);
    UBool found = false;
    if (U_SUCCESS(code)) found = whole ? uregex_matches(re, -1, &code) : uregex_lookingAt(re, -1, &code);
    if (U_FAILURE(code) || !found) {
        *status = code;
        return false;
    }
    mt_fill_groups(re, groups, groupCapacity, &code);
    *status = code;
    return U_SUCCESS(code);
}

bool mt_regex_matches_whole(MTRegex *regex, int32_t start, int32_t end, int32_t *groups, int32_t groupCapacity,
                            int32_t *status) {
    return mt_regex_anchored(regex, true, start, end, groups, groupCapacity, status);
}

bool mt_regex_looking_at(MTRegex *regex, int32_t start, int32_t end, int32_t *groups, int32_t groupCapacity,
                         int32_t *status) {
    return mt_regex_anchored(regex, false, start, end, groups, groupCapacity, status);
}

// MARK: Properties

bool mt_is_quotation_mark(int32_t c) { return u_hasBinaryProperty(c, UCHAR_QUOTATION_MARK); }
bool mt_is_alphabetic(int32_t c) { return u_hasBinaryProperty(c, UCHAR_ALPHABETIC); }
bool mt_is_uppercase(int32_t c) { return u_hasBinaryProperty(c, UCHAR_UPPERCASE); }
bool mt_is_lowercase(int32_t c) { return u_hasBinaryProperty(c, UCHAR_LOWERCASE); }
bool mt_is_white_space(int32_t c) { return u_hasBinaryProperty(c, UCHAR_WHITE_SPACE); }

int32_t mt_display_width(int32_t c) {
    int8_t category = u_charType(c);
    if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR) return 0;
    int32_t width = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    return (width == U_EA_WIDE || width == U_EA_FULLWIDTH) ? 2 : 1;
}

// MARK: Transliteration and normalization

MTTransliterator *mt_translit_open(const uint16_t *id, int32_t idLength, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UTransliterator *t = utrans_openU((const UChar *)id, idLength, UTRANS_FORWARD, NULL, 0, NULL, &code);
    *status = code;
    if (U_FAILURE(code)) {
        if (t) utrans_close(t);
        return NULL;
    }
    return (MTTransliterator *)t;
}

void mt_translit_close(MTTransliterator *transliterator) {
    if (transliterator) utrans_close((UTransliterator *)transliterator);
}

int32_t mt_translit_apply(const MTTransliterator *transliterator, uint16_t *text, int32_t length,
                          int32_t capacity, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    int32_t textLength = length;
    int32_t limit = length;
    utrans_transUChars((const UTransliterator *)transliterator, (UChar *)text, &textLength, capacity, 0,
                       &limit, &code);
    *status = code;
    return textLength;
}

int32_t mt_normalize_nfc(const uint16_t *source, int32_t length, uint16_t *destination, int32_t capacity,
                         int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&code);
    int32_t written = 0;
    if (U_SUCCESS(code)) written = unorm2_normalize(nfc, (const UChar *)source, length, (UChar *)destination, capacity, &code);
    *status = code;
    return written;
}

// MARK: Locale data

int32_t mt_locale_quote(const char *locale, int32_t kind, uint16_t *destination, int32_t capacity,
                        int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    ULocaleData *data = ulocdata_open(locale, &code);
    int32_t length = 0;
    if (U_SUCCESS(code)) {
        length = ulocdata_getDelimiter(data, (ULocaleDataDelimiterType)kind, (UChar *)destination, capacity, &code);
    }
    if (data) ulocdata_close(data);
    *status = code;
    return length;
}

// MARK: Sets

int32_t mt_set_ranges(const uint16_t *pattern, int32_t length, int32_t *ranges, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    USet *set = uset_openPattern((const UChar *)pattern, length, &status);
    if (U_FAILURE(status) || set == NULL) {
        if (set) uset_close(set);
        return -1;
    }
    int32_t count = uset_getRangeCount(set);
    for (int32_t i = 0; i < count && i < capacity; i++) {
        UChar32 start = 0, end = 0;
        uset_getItem(set, i, &start, &end, NULL, 0, &status);
        ranges[2 * i] = start;
        ranges[2 * i + 1] = end;
    }
    uset_close(set);
    return U_SUCCESS(status) ? count : -1;
}
