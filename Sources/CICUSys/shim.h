// Only pulls in ICU's version header: the module exists to carry pkg-config's flags.
#include <unicode/uversion.h>
