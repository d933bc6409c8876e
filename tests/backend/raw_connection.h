// A client connection at the socket level, from a chosen loopback source address (127.0.0.2
// is another client to the server), for tests that send what no HTTP client library would:
// partial heads, trickled bytes, idle connections, oversized chunks.
#pragma once
#include <string>

namespace acw::backend::test {

class RawConnection {
 public:
  RawConnection(const char* source, int port);
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool connected() const { return fd_ >= 0; }
  bool send(const std::string& bytes);
  // What arrives within `ms` milliseconds, up to the peer closing.
  std::string read_for(int ms);
  // The status of the answer that starts within `ms` ("HTTP/1.1 200 OK" -> 200), or -1.
  int status_within(int ms);
  // Whether the peer closed (or reset) the connection within `ms`; bytes before are dropped.
  bool closed_within(int ms);

 private:
  int fd_ = -1;
  bool peer_closed_ = false;
};

// A complete GET with Connection: close from `source`; the answer's status or -1.
int get_from(const char* source, int port, const std::string& path);

}  // namespace acw::backend::test
