// Only the declaration in include/FuzzSupport.h is needed; libFuzzer defines the function.
#include "FuzzSupport.h"
