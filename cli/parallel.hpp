// Runs independent jobs on a few threads; callers keep results per index, so the output
// order never depends on the number of threads.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace katalint::cli {

// The number of threads for `-j N`: N when positive, else the number of cores.
inline unsigned thread_count(int jobs, std::size_t work_items) {
  unsigned n = jobs > 0 ? static_cast<unsigned>(jobs) : std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::min<std::size_t>(n, std::max<std::size_t>(work_items, 1)));
}

// Calls run(i) for every i in [0, count), on `threads` threads.
template <typename Run>
void parallel_for(std::size_t count, unsigned threads, Run&& run) {
  if (threads <= 1 || count <= 1) {
    for (std::size_t i = 0; i < count; ++i) run(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < count; i = next++) run(i);
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
}

}  // namespace katalint::cli
