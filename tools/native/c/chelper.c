/* jpyc's stand-in for SubstrateVM's "libchelper" (lib/svm/clibraries of a GraalVM distribution, in no Maven artifact): the functions
 * a jpyc image calls, written from their Java-side declarations in svm-25.0.4.jar (tools/native/README.md). */
#define _GNU_SOURCE
#include <cpuid.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <locale.h>
#include <semaphore.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "amd64cpufeatures.h"
#include "svm_locale.h"

/* ---------- CPU features (x86-64) ---------- */
static uint64_t xgetbv0(void) { uint32_t a, d; __asm__ volatile("xgetbv" : "=a"(a), "=d"(d) : "c"(0)); return ((uint64_t)d << 32) | a; }
#define B(r, n) ((char)(((r) >> (n)) & 1))
void determineCPUFeatures(CPUFeatures *f) {
  unsigned a, b, c, d, max, maxext;
  memset(f, 0, sizeof(*f));
  __cpuid(0, max, b, c, d);
  __cpuid(1, a, b, c, d);
  f->fCX8 = B(d, 8); f->fCMOV = B(d, 15); f->fMMX = B(d, 23); f->fFXSR = B(d, 24);
  f->fSSE = B(d, 25); f->fSSE2 = B(d, 26); f->fHT = B(d, 28); f->fTSC = B(d, 4); f->fFLUSH = B(d, 19);
  f->fSSE3 = B(c, 0); f->fCLMUL = B(c, 1); f->fSSSE3 = B(c, 9); f->fSSE4_1 = B(c, 19); f->fSSE4_2 = B(c, 20);
  f->fPOPCNT = B(c, 23); f->fAES = B(c, 25); f->fHV = B(c, 31);
  int osxsave = B(c, 27);
  uint64_t xcr0 = osxsave ? xgetbv0() : 0;
  int os_avx = osxsave && ((xcr0 & 0x6) == 0x6);
  int os_avx512 = os_avx && ((xcr0 & 0xe0) == 0xe0);
  int cpu_avx = B(c, 28), cpu_fma = B(c, 12), cpu_f16c = B(c, 29);
  if (os_avx) { f->fAVX = cpu_avx; f->fFMA = cpu_fma; f->fF16C = cpu_f16c; f->fVZEROUPPER = cpu_avx; }
  if (max >= 7) {
    __cpuid_count(7, 0, a, b, c, d);
    f->fBMI1 = B(b, 3); f->fBMI2 = B(b, 8); f->fERMS = B(b, 9); f->fRTM = B(b, 11); f->fADX = B(b, 19);
    f->fFLUSHOPT = B(b, 23); f->fCLWB = B(b, 24); f->fSHA = B(b, 29);
    f->fPKU = B(c, 3); f->fOSPKE = B(c, 4); f->fCET_SS = B(c, 7); f->fRDPID = B(c, 22);
    f->fFSRM = B(d, 4); f->fSERIALIZE = B(d, 14); f->fCET_IBT = B(d, 20);
    if (os_avx) {
      f->fAVX2 = B(b, 5); f->fGFNI = B(c, 8);
    }
    if (os_avx512 && B(b, 16)) {
      f->fAVX512F = 1; f->fAVX512DQ = B(b, 17); f->fAVX512_IFMA = B(b, 21); f->fAVX512PF = B(b, 26);
      f->fAVX512ER = B(b, 27); f->fAVX512CD = B(b, 28); f->fAVX512BW = B(b, 30); f->fAVX512VL = B(b, 31);
      f->fAVX512_VBMI = B(c, 1); f->fAVX512_VBMI2 = B(c, 6); f->fAVX512_VAES = B(c, 9);
      f->fAVX512_VPCLMULQDQ = B(c, 10); f->fAVX512_VNNI = B(c, 11); f->fAVX512_BITALG = B(c, 12);
      f->fAVX512_VPOPCNTDQ = B(c, 14); f->fAVX512_FP16 = B(d, 23);
    }
    unsigned sub = a;
    if (sub >= 1) { __cpuid_count(7, 1, a, b, c, d); if (os_avx) f->fAVX_IFMA = B(a, 23); f->fSHA512 = os_avx ? B(a, 0) : 0; }
  }
  __cpuid(0x80000000, maxext, b, c, d);
  if (maxext >= 0x80000001) {
    __cpuid(0x80000001, a, b, c, d);
    f->fLZCNT = B(c, 5); f->fSSE4A = B(c, 6); f->fAMD_3DNOW_PREFETCH = B(c, 8); f->fRDTSCP = B(d, 27);
  }
  if (maxext >= 0x80000007) {
    __cpuid(0x80000007, a, b, c, d);
    f->fTSCINV_BIT = B(d, 8); f->fTSCINV = f->fTSCINV_BIT;
  }
}
/* mask: 0xFF for "not required", 0xFE for "required" (see CPUFeatureAccessFeatureBase) */
int checkCPUFeatures(const uint8_t *mask) {
  CPUFeatures f; determineCPUFeatures(&f);
  const uint8_t *p = (const uint8_t *)&f;
  for (size_t i = 0; i < sizeof(f); i++) if ((uint8_t)(p[i] | mask[i]) != 0xFF) return -1;
  return 0;
}
int checkCPUFeaturesOrExit(const uint8_t *mask, const char *msg) {
  int r = checkCPUFeatures(mask);
  if (r != 0) { fputs(msg, stderr); exit(1); }
  return r;
}

/* ---------- small wrappers ---------- */
int getThreadId(void) { return (int)syscall(SYS_gettid); }
int fprintfSD(FILE *fp, const char *fmt, const char *s, int d) { return fprintf(fp, fmt, s, d); }
int openSII(const char *path, int flags, int mode) { return open(path, flags, mode); }
int openatISII(int dfd, const char *path, int flags, int mode) { return openat(dfd, path, flags, mode); }
void *mremapP(void *old, size_t oldsz, size_t newsz, int flags, void *newaddr) { return mremap(old, oldsz, newsz, flags, newaddr); }
char **getEnviron(void) { extern char **environ; return environ; }

/* ---------- time zone: TZ, then /etc/timezone, then /etc/localtime link ---------- */
char *SVM_FindJavaTZmd(const char *java_home_dir, int len) {
  (void)java_home_dir; (void)len;
  const char *tz = getenv("TZ");
  if (tz && *tz) { if (*tz == ':') tz++; return strdup(tz); }
  FILE *fp = fopen("/etc/timezone", "r");
  if (fp) { char buf[256]; if (fgets(buf, sizeof buf, fp)) { fclose(fp); buf[strcspn(buf, " \t\n")] = 0; if (*buf) return strdup(buf); } else fclose(fp); }
  char link[PATH_MAX]; ssize_t n = readlink("/etc/localtime", link, sizeof link - 1);
  if (n > 0) { link[n] = 0; char *z = strstr(link, "zoneinfo/"); if (z) return strdup(z + 9); }
  return strdup("GMT");
}

/* ---------- locale ---------- */
static svm_locale_props_t props;
static void parse(const char *lc, char **lang, char **country, char **variant) {
  if (!lc || !strcmp(lc, "C") || !strcmp(lc, "POSIX")) lc = "en_US";
  char *s = strdup(lc);
  char *at = strchr(s, '@'); if (at) *at = 0;
  char *dot = strchr(s, '.'); if (dot) *dot = 0;
  char *us = strchr(s, '_'); if (us) { *us = 0; *country = strdup(us + 1); }
  *lang = strdup(s); *variant = NULL; free(s);
}
int svm_initialize_locale(void) {
  setlocale(LC_ALL, "");
  parse(setlocale(LC_CTYPE, NULL), &props.format_language, &props.format_country, &props.format_variant);
  parse(setlocale(LC_MESSAGES, NULL), &props.display_language, &props.display_country, &props.display_variant);
  return SVM_LOCALE_INITIALIZATION_SUCCEEDED;
}
svm_locale_props_t *svm_get_locale(void) { return &props; }

/* ---------- sun.misc.Signal support ---------- */
#define MAXSIG 65
static volatile int pending[MAXSIG];
static sem_t sem; static int sem_ok;
int cSunMiscSignal_open(void) { if (!sem_ok) { if (sem_init(&sem, 0, 0) != 0) return -1; sem_ok = 1; } memset((void *)pending, 0, sizeof pending); return 0; }
int cSunMiscSignal_close(void) { if (sem_ok) { sem_destroy(&sem); sem_ok = 0; } return 0; }
int cSunMiscSignal_awaitSemaphore(void) { while (sem_wait(&sem) != 0 && errno == EINTR) {} return 0; }
int cSunMiscSignal_signalSemaphore(void) { return sem_post(&sem); }
int cSunMiscSignal_signalRangeCheck(int s) { return s > 0 && s < MAXSIG; }
int cSunMiscSignal_checkPendingSignal(void) {
  for (int s = 1; s < MAXSIG; s++) { int v = pending[s]; if (v > 0 && __sync_bool_compare_and_swap(&pending[s], v, v - 1)) return s; }
  return -1;
}
static void dispatch(int s) { if (s > 0 && s < MAXSIG) { __sync_fetch_and_add(&pending[s], 1); sem_post(&sem); } }
void *cSunMiscSignal_signalHandlerFunctionPointer(void) { return (void *)dispatch; }
