// Nothing to compile: the function is in the libFuzzer runtime that -sanitize=fuzzer links.
#include "CFuzzerDriver.h"
