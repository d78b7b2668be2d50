#ifndef GROWTH_CGROWTHSYSTEM_H
#define GROWTH_CGROWTHSYSTEM_H

/// Swaps two paths atomically (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set (ENOSYS or EINVAL where the
/// kernel or the file system does not offer it).
int growth_rename_exchange(const char *a, const char *b);

/// Flushes to disk the file system holding the folder at `path` (Linux
/// syncfs: every file written into it, in one call), else fsyncs the folder.
/// Returns 0 on success, -1 with errno set.
int growth_sync_folder(const char *path);

#endif
