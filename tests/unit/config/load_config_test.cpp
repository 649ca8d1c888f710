#include <catch2/catch.hpp>

#include "config/load_config.hpp"
#include "support/site_builder.hpp"

using namespace nastavnik;

namespace {

/// The base test site's site.yaml with `extra` appended, loaded.
config::ConfigResult load_base_with(const test::TempDir& dir, const std::string& extra, diag::Sink& sink) {
  test::copy_base_site(dir.path());
  test::write_files(dir.path(), "-- site.yaml --\n" + test::read_file(dir.path() / "site.yaml") + extra);
  return config::load_site_config(dir.path(), sink);
}

}  // namespace

TEST_CASE("site.yaml deploy.max_delete reaches SiteConfig, default 50", "[config][deploy]") {
  test::TempDir dir;
  diag::Sink sink;
  SECTION("not written: the default of net::DeployOptions") {
    auto r = load_base_with(dir, "", sink);
    CHECK(r.status == config::ConfigStatus::ok);
    CHECK(r.config.deploy_max_delete == 50);
  }
  SECTION("written") {
    auto r = load_base_with(dir, "deploy: {max_delete: 3}\n", sink);
    CHECK(r.status == config::ConfigStatus::ok);
    CHECK(r.config.deploy_max_delete == 3);
  }
  SECTION("not a whole number from 0 to 1000000: field.type, the default kept") {
    auto r = load_base_with(dir, "deploy: {max_delete: -1}\n", sink);
    CHECK(r.status == config::ConfigStatus::invalid);
    CHECK(test::has_code(sink.sorted(), "field.type"));
    CHECK(r.config.deploy_max_delete == 50);
  }
}
