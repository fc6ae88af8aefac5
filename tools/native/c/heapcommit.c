/* Keeps the serial collector's freed heap chunks mapped (tools/native/README.md, "Heap memory").
 *
 * SubstrateVM's serial collector commits a heap chunk by mapping it read-write over its reserved address space,
 *     mmap(addr, len, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS, -1, 0)
 * and gives a freed chunk back to the kernel by mapping it inaccessible again,
 *     mmap(addr, len, PROT_NONE, MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS|MAP_NORESERVE, -1, 0)
 * A compile of a stdlib tree does that about 600 times, and every page of a chunk committed again is a fresh page:
 * a page fault each (about 90,000 in a -j 1 run over the 3.13 stdlib, 8% of its samples under perf), and with
 * two compile threads the faults of both contend for the process's memory map.
 *
 * This file defines mmap and munmap for the executable (its own definitions are the ones the image's calls bind
 * to; the C library's internal calls, such as malloc's, go to its own). For a heap-sized anonymous MAP_FIXED
 * range only:
 *   - giving a range back (PROT_NONE) leaves it mapped and records it, up to KEEP_MAX bytes in all;
 *   - committing exactly a recorded range zeroes it in place (what the collector expects of a fresh mapping:
 *     memory that reads as zero) instead of mapping new pages; any other commit drops the records it overlaps
 *     and maps as asked, with the pages populated at once (one call instead of a fault per page);
 *   - munmap drops the records it overlaps.
 * Everything else goes to the kernel unchanged. The address space stays the collector's: no range is mapped
 * where it did not ask for one.
 *
 * It relies on the collector giving back only ranges it committed (read-write): zeroing a recorded range on its
 * next commit writes to it. verify.sh's small-heap run (hundreds of collections) and the stdlib runs hold that. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stddef.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#define KEEP_MIN (64UL << 10)      /* smaller ranges are not heap chunks (aligned chunks are 512 KiB) */
#define POPULATE_MAX (8UL << 20)   /* unaligned chunks (one large array each) go up to a few MiB */
#define KEEP_MAX (256UL << 20)     /* memory kept mapped beyond what the collector has committed */
#define RANGES 4096

static struct { char *start; size_t len; } kept[RANGES];
static int nkept;
static size_t kept_bytes;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void *sys_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off) {
  return (void *) syscall(SYS_mmap, addr, len, prot, flags, fd, off);
}

/* Drops the records that overlap [a, a + len); the caller holds the lock. */
static void forget(char *a, size_t len) {
  for (int i = 0; i < nkept;) {
    if (kept[i].start < a + len && a < kept[i].start + kept[i].len) {
      kept_bytes -= kept[i].len;
      kept[i] = kept[--nkept];
    } else {
      i++;
    }
  }
}

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off) {
  int chunk = (flags & (MAP_FIXED | MAP_ANONYMOUS | MAP_SHARED)) == (MAP_FIXED | MAP_ANONYMOUS) && len >= KEEP_MIN;
  if (!chunk) return sys_mmap(addr, len, prot, flags, fd, off);
  char *a = addr;
  pthread_mutex_lock(&lock);
  if (prot == PROT_NONE) {
    if (nkept < RANGES && kept_bytes + len <= KEEP_MAX) {
      forget(a, len);
      kept[nkept].start = a;
      kept[nkept].len = len;
      nkept++;
      kept_bytes += len;
      pthread_mutex_unlock(&lock);
      return addr;
    }
    forget(a, len);
    pthread_mutex_unlock(&lock);
    return sys_mmap(addr, len, prot, flags, fd, off);
  }
  if (prot == (PROT_READ | PROT_WRITE)) {
    for (int i = 0; i < nkept; i++) {
      if (kept[i].start == a && kept[i].len == len) {
        kept_bytes -= len;
        kept[i] = kept[--nkept];
        pthread_mutex_unlock(&lock);
        memset(a, 0, len);
        return addr;
      }
    }
  }
  forget(a, len);
  pthread_mutex_unlock(&lock);
  if (prot == (PROT_READ | PROT_WRITE) && len <= POPULATE_MAX) flags |= MAP_POPULATE;
  return sys_mmap(addr, len, prot, flags, fd, off);
}

int munmap(void *addr, size_t len) {
  pthread_mutex_lock(&lock);
  forget(addr, len);
  pthread_mutex_unlock(&lock);
  return (int) syscall(SYS_munmap, addr, len);
}
