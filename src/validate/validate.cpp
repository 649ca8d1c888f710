#include "validate/validate.hpp"

namespace nastavnik::validate {

void run_all(const model::Site& site, diag::Sink& sink) {
  (void)site;
  (void)sink;
}

}  // namespace nastavnik::validate
