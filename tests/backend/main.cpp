// doctest's main for the backend tests; info and warn log lines are silenced (the tests
// provoke failures on purpose), errors still print.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include "util/log.h"

int main(int argc, char** argv) {
  acw::backend::set_log_quiet(true);
  doctest::Context context(argc, argv);
  return context.run();
}
