// mtlint's bridge to ICU's C API.
//
// This header deliberately includes no ICU header and names no ICU type: Foundation on Linux
// carries its own ICU as a clang module, and a Swift module that saw both would fail to build.
// Handles are opaque, statuses are int32_t (ICU's UErrorCode values: > 0 is a failure),
// text is UTF-16 as uint16_t. The .c file includes ICU and checks the mirrored constants.
#ifndef MTLINT_ICU_H
#define MTLINT_ICU_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Returns ICU's name for a status code, e.g. "U_REGEX_TIME_OUT".
const char *mt_error_name(int32_t status);
/// ICU's version as "72.1".
void mt_icu_version(char *buffer, int32_t capacity);
/// The version of Unicode whose data ICU holds, as "15.0".
void mt_unicode_version(char *buffer, int32_t capacity);

// MARK: Conversion

/// Strict UTF-8 → UTF-16. Returns the number of UTF-16 units written (or needed when the
/// capacity is too small); a status > 0 means the input is not valid UTF-8.
int32_t mt_utf8_to_utf16(const char *source, int32_t sourceLength,
                         uint16_t *destination, int32_t capacity, int32_t *status);

// MARK: Breaks

typedef struct MTBreakIterator MTBreakIterator;

enum {
    MT_BREAK_CHARACTER = 0,
    MT_BREAK_WORD = 1,
    MT_BREAK_LINE = 2,
    MT_BREAK_SENTENCE = 3,
};

/// Word-break rule statuses (ranges as in ICU's UWordBreak).
enum {
    MT_WORD_NONE = 0, MT_WORD_NONE_LIMIT = 100,
    MT_WORD_NUMBER = 100, MT_WORD_NUMBER_LIMIT = 200,
    MT_WORD_LETTER = 200, MT_WORD_LETTER_LIMIT = 300,
    MT_WORD_KANA = 300, MT_WORD_KANA_LIMIT = 400,
    MT_WORD_IDEO = 400, MT_WORD_IDEO_LIMIT = 500,
};

MTBreakIterator *mt_break_open(int32_t kind, const char *locale, int32_t *status);
MTBreakIterator *mt_break_clone(const MTBreakIterator *iterator, int32_t *status);
void mt_break_close(MTBreakIterator *iterator);
/// The text must stay alive and unchanged while the iterator uses it.
void mt_break_set_text(MTBreakIterator *iterator, const uint16_t *text, int32_t length, int32_t *status);
/// Writes up to `capacity` boundaries following the current position into `boundaries`
/// and, when `statuses` is not NULL, the rule status of the segment each boundary ends.
/// Returns how many were written; 0 when the text is exhausted.
int32_t mt_break_next_boundaries(MTBreakIterator *iterator, int32_t *boundaries,
                                 int32_t *statuses, int32_t capacity);
/// Moves to the first boundary (0) and returns it.
int32_t mt_break_first(MTBreakIterator *iterator);

// MARK: Regular expressions

typedef struct MTRegex MTRegex;

enum {
    MT_REGEX_CASE_INSENSITIVE = 2,
    MT_REGEX_COMMENTS = 4,
    MT_REGEX_DOTALL = 32,
    MT_REGEX_MULTILINE = 8,
    MT_REGEX_UWORD = 256,
};

/// Compiles a pattern. On failure returns NULL, sets status and the 1-based line and
/// 0-based offset (in UTF-16 units within that line) ICU reports for the error.
MTRegex *mt_regex_open(const uint16_t *pattern, int32_t length, uint32_t flags,
                       int32_t *errorLine, int32_t *errorOffset, int32_t *status);
/// A clone shares the compiled pattern and has its own matching state (one per thread).
MTRegex *mt_regex_clone(const MTRegex *regex, int32_t *status);
void mt_regex_close(MTRegex *regex);
int32_t mt_regex_group_count(const MTRegex *regex, int32_t *status);
/// Limits work per match: `steps` in ICU's units of about 1 ms of matching (0 = none) and
/// the backtracking stack in bytes.
void mt_regex_set_limits(MTRegex *regex, int32_t steps, int32_t stackBytes, int32_t *status);
/// The text must stay alive and unchanged while the regex uses it.
void mt_regex_set_text(MTRegex *regex, const uint16_t *text, int32_t length, int32_t *status);
/// Restricts matching to [start, end) with anchoring bounds (^ and $ match at the region's
/// edges) and opaque bounds (look-around does not see outside it); resets the search.
void mt_regex_set_region(MTRegex *regex, int32_t start, int32_t end, int32_t *status);
/// Finds the next match in the region. Writes start/end pairs of group 0..groupCount into
/// `groups` (-1 for groups that did not participate). Returns false when there is no match
/// or on error (status > 0, e.g. a time-out).
bool mt_regex_find_next(MTRegex *regex, int32_t *groups, int32_t groupCapacity, int32_t *status);

/// Whether the pattern matches at the start of [start, end) (anchoring and opaque bounds as
/// with mt_regex_set_region); writes the groups like mt_regex_find_next.
bool mt_regex_looking_at(MTRegex *regex, int32_t start, int32_t end, int32_t *groups, int32_t groupCapacity,
                         int32_t *status);

/// Whether the pattern matches all of [start, end); writes the groups like mt_regex_find_next.
bool mt_regex_matches_whole(MTRegex *regex, int32_t start, int32_t end, int32_t *groups, int32_t groupCapacity,
                            int32_t *status);

// MARK: Character properties

/// The ranges of the ICU set `pattern` (such as `\\p{Lu}` or `[\\p{N},.]`) as pairs of first and
/// last code point in `ranges` (room for `capacity` pairs). Returns how many ranges the set
/// has (which may exceed `capacity`), or -1 if the pattern is not a valid set.
int32_t mt_set_ranges(const uint16_t *pattern, int32_t length, int32_t *ranges, int32_t capacity);
bool mt_is_quotation_mark(int32_t codePoint);
bool mt_is_alphabetic(int32_t codePoint);
bool mt_is_uppercase(int32_t codePoint);
bool mt_is_lowercase(int32_t codePoint);
bool mt_is_white_space(int32_t codePoint);
/// East Asian width as display columns: 2 for wide and fullwidth, 0 for combining and
/// zero-width characters, 1 otherwise.
int32_t mt_display_width(int32_t codePoint);

// MARK: Transliteration and normalization

typedef struct MTTransliterator MTTransliterator;

MTTransliterator *mt_translit_open(const uint16_t *id, int32_t idLength, int32_t *status);
void mt_translit_close(MTTransliterator *transliterator);
/// Transliterates in place; returns the new length (or the needed capacity when too small).
int32_t mt_translit_apply(const MTTransliterator *transliterator, uint16_t *text, int32_t length,
                          int32_t capacity, int32_t *status);

/// NFC normalization; returns the length written (or needed).
int32_t mt_normalize_nfc(const uint16_t *source, int32_t length, uint16_t *destination,
                         int32_t capacity, int32_t *status);

// MARK: Locale data

/// Quotation delimiters of a locale from CLDR: kind 0 = opening, 1 = closing,
/// 2 = alternate (inner) opening, 3 = alternate closing. Returns the length written.
int32_t mt_locale_quote(const char *locale, int32_t kind, uint16_t *destination,
                        int32_t capacity, int32_t *status);

#ifdef __cplusplus
}
#endif

#endif
