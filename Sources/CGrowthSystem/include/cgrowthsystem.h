#ifndef GROWTH_CGROWTHSYSTEM_H
#define GROWTH_CGROWTHSYSTEM_H

/// Swaps two paths atomically (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set (ENOSYS or EINVAL where the
/// kernel or the file system does not offer it).
int growth_rename_exchange(const char *a, const char *b);

#endif
