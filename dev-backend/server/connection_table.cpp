#include "server/connection_table.h"

#include <utility>
#include <vector>

namespace acw::backend {

ConnectionTable::ConnectionTable(size_t max_total, size_t max_per_client, size_t idle_close_at)
    : max_total_(max_total), max_per_client_(max_per_client), idle_close_at_(idle_close_at) {}

ConnectionTable::Admission ConnectionTable::admit(const std::string& client) {
  if (total_ >= max_total_) return Admission::server_full;
  size_t& mine = per_client_[client];
  if (mine >= max_per_client_) {
    if (mine == 0) per_client_.erase(client);
    return Admission::client_full;
  }
  ++mine;
  ++total_;
  return Admission::admitted;
}

void ConnectionTable::release(const std::string& client) {
  auto it = per_client_.find(client);
  if (it == per_client_.end()) return;
  --total_;
  if (--it->second == 0) per_client_.erase(it);
}

size_t ConnectionTable::of_client(const std::string& client) const {
  auto it = per_client_.find(client);
  return it == per_client_.end() ? 0 : it->second;
}

void ConnectionTable::set_idle(const void* key, IdleCloser close) {
  idle_[key] = std::move(close);
}

void ConnectionTable::clear_idle(const void* key) { idle_.erase(key); }

size_t ConnectionTable::close_idle() {
  // Moved out first: a closer may clear its own entry.
  std::vector<IdleCloser> closers;
  closers.reserve(idle_.size());
  for (auto& [key, close] : idle_) closers.push_back(std::move(close));
  idle_.clear();
  for (auto& close : closers) close();
  return closers.size();
}

}  // namespace acw::backend
