// libFuzzer's entry point for programs with their own main (LLVM 11+). SwiftPM gives
// every executable a main of its own, so each fuzz target hands its callback to this.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
