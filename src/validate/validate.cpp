#include "validate/validate.hpp"

#include "validate/checks.hpp"

namespace nastavnik::validate {

void run_all(const model::Site& site, diag::Sink& sink) {
  check_regulation(site, sink);
  check_forms(site, sink);
  check_programs(site, sink);
  check_practices(site, sink);
  check_bank(site, sink);
  check_roadmap(site, sink);
  check_documents(site, sink);
  check_monitoring(site, sink);
  check_site_sections(site, sink);
  check_privacy(site, sink);
}

}  // namespace nastavnik::validate
