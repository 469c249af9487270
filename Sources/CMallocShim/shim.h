#if defined(__linux__) && __has_include(<malloc.h>)
#include <malloc.h>
#endif

#ifdef M_MMAP_THRESHOLD
/// mallopt is declared in <malloc.h>, which Swift's Glibc module does not include. Fixes
/// the size from which a block is mapped on its own (and unmapped when freed); 1 when set.
static inline int repro_fix_mmap_threshold(int bytes) {
    return mallopt(M_MMAP_THRESHOLD, bytes);
}

/// Gives the free pages inside the heap back to the system; 1 when some were.
static inline int repro_trim(void) {
    return malloc_trim(0);
}
#else
/// No glibc allocator: nothing to set.
static inline int repro_fix_mmap_threshold(int bytes) {
    (void)bytes;
    return 0;
}

/// No glibc allocator: nothing to give back.
static inline int repro_trim(void) {
    return 0;
}
#endif
