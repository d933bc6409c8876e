#include "backend_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

extern char** environ;

namespace acw::backend::test {
namespace {

// The port of "acw-dev-backend listening on http://127.0.0.1:PORT (…)".
int port_of(const std::string& line) {
  const std::string marker = "listening on http://127.0.0.1:";
  const size_t at = line.find(marker);
  if (at == std::string::npos) return -1;
  int port = 0;
  for (size_t i = at + marker.size(); i < line.size() && line[i] >= '0' && line[i] <= '9'; ++i) {
    port = port * 10 + (line[i] - '0');
  }
  return port > 0 ? port : -1;
}

}  // namespace

BackendProcess::BackendProcess(const std::vector<std::string>& args, const std::string& log_path) {
  std::vector<std::string> argv_text = {ACW_DEV_BACKEND_BIN, "--host", "127.0.0.1", "--port", "0"};
  argv_text.insert(argv_text.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_text) argv.push_back(a.data());
  argv.push_back(nullptr);

  int out[2];
  if (pipe2(out, O_CLOEXEC) != 0) return;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, log_path.c_str(),
                                   O_WRONLY | O_CREAT | O_APPEND, 0644);
  const int rc = posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  stdout_fd_ = out[0];
  if (rc != 0) {
    pid_ = -1;
    return;
  }

  std::string seen;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (port_ < 0 && std::chrono::steady_clock::now() < deadline) {
    pollfd p{stdout_fd_, POLLIN, 0};
    if (poll(&p, 1, 100) <= 0) continue;
    char buffer[512];
    const ssize_t n = read(stdout_fd_, buffer, sizeof buffer);
    if (n <= 0) break;  // the child closed stdout: it exited
    seen.append(buffer, static_cast<size_t>(n));
    port_ = port_of(seen);
  }
}

BackendProcess::~BackendProcess() {
  if (pid_ > 0) kill_hard();
  if (stdout_fd_ >= 0) close(stdout_fd_);
}

void BackendProcess::kill_hard() {
  if (pid_ <= 0) return;
  kill(pid_, SIGKILL);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
}

int BackendProcess::stop() {
  if (pid_ <= 0) return -1;
  kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return status;
}

int BackendProcess::wait_exit(int timeout_ms) {
  if (pid_ <= 0) return -1;
  for (int waited = 0; waited <= timeout_ms; waited += 20) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return status;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return -1;
}

std::string write_deployment(const TempDir& dir, const std::string& rpc_url) {
  const acw::json deployment = {{"chainId", 31337}, {"rpcUrl", rpc_url}, {"vault", kVault},
                                {"token", kToken},  {"cfa", kCfa},       {"deployBlock", 0}};
  const std::string path = dir.file("deployment.json");
  std::ofstream(path) << deployment.dump();
  return path;
}

Answer request(httplib::Client& client, const std::string& method, const std::string& path,
               const std::string& body, const httplib::Headers& headers) {
  httplib::Result res = method == "GET"    ? client.Get(path.c_str(), headers)
                        : method == "POST" ? client.Post(path.c_str(), headers, body, "application/json")
                                           : client.Delete(path.c_str(), headers, body, "application/json");
  Answer answer;
  if (!res) return answer;
  answer.status = res->status;
  answer.headers = res->headers;
  auto parsed = acw::parse_json(res->body);
  if (parsed.ok()) answer.body = *parsed.value;
  return answer;
}

std::string read_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

}  // namespace acw::backend::test
