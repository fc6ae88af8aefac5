/* jpyc's stand-in for SubstrateVM's libjvm.a: the JVM_* and jio_* functions that the linked
 * OpenJDK native objects call (tools/native/README.md). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <sched.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#define JNIEXPORT __attribute__((visibility("default")))
void initialize(void) {}
JNIEXPORT int JVM_ActiveProcessorCount(void) {
  cpu_set_t set; if (sched_getaffinity(0, sizeof set, &set) == 0) return CPU_COUNT(&set);
  return (int)sysconf(_SC_NPROCESSORS_ONLN);
}
JNIEXPORT void JVM_BeforeHalt(void) {}
JNIEXPORT void JVM_Halt(int code) { exit(code); }
JNIEXPORT void *JVM_FindLibraryEntry(void *h, const char *name) { return dlsym(h, name); }
JNIEXPORT void *JVM_GetManagement(int version) { (void)version; return NULL; }
JNIEXPORT long long JVM_NanoTime(void *env, void *cls) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return (long long)t.tv_sec * 1000000000LL + t.tv_nsec; }
JNIEXPORT char *JVM_NativePath(char *p) { return p; }
JNIEXPORT void *JVM_RawMonitorCreate(void) { pthread_mutex_t *m = malloc(sizeof *m); pthread_mutex_init(m, NULL); return m; }
JNIEXPORT void JVM_RawMonitorDestroy(void *m) { pthread_mutex_destroy(m); free(m); }
JNIEXPORT int JVM_RawMonitorEnter(void *m) { return pthread_mutex_lock(m); }
JNIEXPORT void JVM_RawMonitorExit(void *m) { pthread_mutex_unlock(m); }
JNIEXPORT int jio_vsnprintf(char *s, size_t n, const char *f, va_list a) { if ((long)n <= 0) return -1; int r = vsnprintf(s, n, f, a); if (r >= (int)n) r = -1; return r; }
JNIEXPORT int jio_snprintf(char *s, size_t n, const char *f, ...) { va_list a; va_start(a, f); int r = jio_vsnprintf(s, n, f, a); va_end(a); return r; }
JNIEXPORT int jio_fprintf(FILE *fp, const char *f, ...) { va_list a; va_start(a, f); int r = vfprintf(fp, f, a); va_end(a); return r; }
JNIEXPORT int jio_vfprintf(FILE *fp, const char *f, va_list a) { return vfprintf(fp, f, a); }
