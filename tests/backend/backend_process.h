// acw-dev-backend as a child process: the binary built next to these tests
// (ACW_DEV_BACKEND_BIN), started on a free loopback port with its stderr (the log) appended to
// a file, so tests can SIGKILL it mid-write, restart it on the same database, run several on
// one database, and read what it logged.
#pragma once
#include <sys/types.h>

#include <string>
#include <utility>
#include <vector>

#include <httplib.h>

#include "core/wire.h"
#include "test_support.h"

namespace acw::backend::test {

class BackendProcess {
 public:
  // Runs the binary with `args` plus --host 127.0.0.1 --port 0 and waits (20 s at most) for
  // its "listening on http://127.0.0.1:PORT" line. started() tells whether it came up.
  BackendProcess(const std::vector<std::string>& args, const std::string& log_path);
  ~BackendProcess();  // SIGKILL when still running
  BackendProcess(const BackendProcess&) = delete;
  BackendProcess& operator=(const BackendProcess&) = delete;

  bool started() const { return port_ > 0; }
  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  void kill_hard();  // SIGKILL, then reap
  int stop();        // SIGTERM, then reap; the wait status
  // Waits up to timeout_ms for the process to end by itself, and reaps it: the wait status,
  // or -1 when it still runs.
  int wait_exit(int timeout_ms);

 private:
  pid_t pid_ = -1;
  int stdout_fd_ = -1;
  int port_ = -1;
};

// A deployment.json for the fake node at rpc_url (kVault, kToken, kCfa, deployBlock 0).
std::string write_deployment(const TempDir& dir, const std::string& rpc_url);

// One request through `client`; status -1 when there was no answer. The body parsed as
// JSON (null when it is not JSON).
struct Answer {
  int status = -1;
  acw::json body;
  httplib::Headers headers;
};
Answer request(httplib::Client& client, const std::string& method, const std::string& path,
               const std::string& body = "", const httplib::Headers& headers = {});

std::string read_file(const std::string& path);  // "" when missing

}  // namespace acw::backend::test
