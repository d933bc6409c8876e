// Open connections per client address, and the sessions idle between requests. Used on the
// server's one network thread only, so it has no lock.
#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace acw::backend {

class ConnectionTable {
 public:
  enum class Admission { admitted, server_full, client_full };
  using IdleCloser = std::function<void()>;

  ConnectionTable(size_t max_total, size_t max_per_client, size_t idle_close_at);

  // Counts the connection when admitted; release() it exactly once after.
  Admission admit(const std::string& client);
  void release(const std::string& client);

  bool near_cap() const { return total_ >= idle_close_at_; }
  size_t total() const { return total_; }
  size_t of_client(const std::string& client) const;

  // A session waiting for its next request registers a closer under a key of its own; the
  // closers run (and are dropped) when the table is near its cap.
  void set_idle(const void* key, IdleCloser close);
  void clear_idle(const void* key);
  size_t close_idle();  // returns how many were closed

 private:
  size_t max_total_;
  size_t max_per_client_;
  size_t idle_close_at_;
  size_t total_ = 0;
  std::unordered_map<std::string, size_t> per_client_;
  std::unordered_map<const void*, IdleCloser> idle_;
};

}  // namespace acw::backend
