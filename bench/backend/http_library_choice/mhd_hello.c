/* The smallest event-driven server on GNU libmicrohttpd (one epoll thread, keep-alive)
 * answering every request with a short JSON body: the other side of the library choice
 * (docs/reliability.md, "Choosing the HTTP library"). */
#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static enum MHD_Result answer(void* cls, struct MHD_Connection* connection, const char* url,
                              const char* method, const char* version, const char* upload_data,
                              size_t* upload_data_size, void** state) {
  (void)cls; (void)url; (void)method; (void)version; (void)upload_data;
  if (*state == NULL) { *state = connection; return MHD_YES; }  /* head read; body next */
  if (*upload_data_size != 0) { *upload_data_size = 0; return MHD_YES; }
  static const char body[] = "{\"ok\":true}";
  struct MHD_Response* response =
      MHD_create_response_from_buffer(strlen(body), (void*)body, MHD_RESPMEM_PERSISTENT);
  MHD_add_response_header(response, "Content-Type", "application/json");
  enum MHD_Result queued = MHD_queue_response(connection, MHD_HTTP_OK, response);
  MHD_destroy_response(response);
  return queued;
}

int main(int argc, char** argv) {
  unsigned short port = (unsigned short)(argc > 1 ? atoi(argv[1]) : 8792);
  struct sockaddr_in loopback;  /* 127.0.0.1 only */
  memset(&loopback, 0, sizeof loopback);
  loopback.sin_family = AF_INET;
  loopback.sin_port = htons(port);
  loopback.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  struct MHD_Daemon* daemon = MHD_start_daemon(
      MHD_USE_EPOLL_INTERNAL_THREAD, port, NULL, NULL, answer, NULL,
      MHD_OPTION_SOCK_ADDR, (struct sockaddr*)&loopback,
      MHD_OPTION_CONNECTION_TIMEOUT, 5u, MHD_OPTION_END);
  if (daemon == NULL) return 1;
  pause();
  return 0;
}
