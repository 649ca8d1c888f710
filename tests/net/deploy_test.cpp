// `nastavnik deploy` end to end: the real binary against real servers on 127.0.0.1 (pure-ftpd,
// pure-ftpd with TLS, sshd, nginx WebDAV) and a local folder.
#include <catch2/catch.hpp>

#include <signal.h>

#include <fstream>
#include <iostream>
#include <regex>

#include "support/servers.hpp"
#include "support/site_builder.hpp"

using namespace nastavnik::test;
namespace fs = std::filesystem;

namespace {

using Env = std::map<std::string, std::string>;
using Tree = std::vector<std::pair<std::string, std::string>>;

/// Every file under dir except nastavnik's own bookkeeping (output marker, page cache, deploy manifest).
Tree tree(const fs::path& dir) {
  Tree out;
  for (auto& [rel, bytes] : snapshot(dir))
    if (rel != ".nastavnik-output" && rel != ".nastavnik-manifest.json" && rel != ".nastavnik-pages" && rel != ".nastavnik-search")
      out.emplace_back(rel, bytes);
  return out;
}

/// A built copy of tests/sites/base (or the demo site), with `extra_files` more files.
struct BuiltSite {
  TempDir dir;
  fs::path out;
  explicit BuiltSite(int extra_files = 0, const fs::path& source = {}) {
    if (source.empty()) copy_base_site(dir.path());
    else
      for (const char* part : {"site.yaml", "content"})
        fs::copy(source / part, dir.path() / part, fs::copy_options::recursive);
    for (int i = 0; i < extra_files; ++i)
      write_files(dir.path(), "-- content/files/bulk/f" + std::to_string(i) + ".txt --\n" +
                                  std::string(2048, static_cast<char>('a' + i % 26)) + "\n");
    out = dir.path() / "public";
    // Without the parse cache, the search memo is kept in the output: deploy must leave it home.
    auto r = run_binary({"build", "-s", dir.path().string(), "--now", "2026-11-20", "-q", "--no-cache"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
  ProcessResult deploy(const std::string& target, const Env& env, std::vector<std::string> extra = {}) const {
    std::vector<std::string> args = {"deploy", "-s", dir.path().string(), "--target", target};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_nastavnik(args, env);
  }
};

/// "загружено 25 файлов (40 КБ), …" → {25, "40 КБ"}
std::pair<int, std::string> uploaded(const std::string& out) {
  std::smatch m;
  static const std::regex re("загружен\\S* (\\d+) \\S+ \\(([^)]*)\\)");
  if (!std::regex_search(out, m, re)) return {-1, ""};
  return {std::stoi(m[1]), m[2]};
}

/// A page of the output that may go away (a best-practice case).
std::string some_page(const fs::path& out) {
  for (const auto& [rel, bytes] : tree(out))
    if (rel.rfind("praktiki/", 0) == 0 && rel != "praktiki/index.html" && rel.size() > 20) return rel;
  FAIL("no practice page in the output");
  return {};
}

/// First deploy uploads everything; second nothing; one changed file one; a removed page goes
/// only with --delete. The remote tree equals the output after each step.
void full_cycle(const std::string& name, const BuiltSite& site, const std::string& target, const fs::path& remote,
                const Env& env) {
  INFO(name);
  auto local = tree(site.out);
  auto first = site.deploy(target, env);
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  CHECK(uploaded(first.out).first == static_cast<int>(local.size()));
  CHECK(tree(remote) == local);
  CHECK(fs::exists(remote / ".nastavnik-manifest.json"));
  // The build's own bookkeeping stays home (the search memo holds only public text, but 4.5 MB
  // at 10,000 pages).
  for (const char* own : {".nastavnik-output", ".nastavnik-pages", ".nastavnik-search"}) {
    INFO(own);
    CHECK(fs::exists(site.out / own));
    CHECK_FALSE(fs::exists(remote / own));
  }

  auto second = site.deploy(target, env);
  CHECK(second.exit_code == 0);
  CHECK(second.out.find("загружено 0 файлов (0 Б), удалено 0, без изменений " + std::to_string(local.size())) !=
        std::string::npos);

  {
    std::ofstream f(site.out / "index.html", std::ios::app);
    f << "<!-- changed -->\n";
  }
  auto third = site.deploy(target, env);
  CHECK(third.exit_code == 0);
  CHECK(uploaded(third.out).first == 1);
  CHECK(tree(remote) == tree(site.out));
  std::cerr << "[net] " << name << ": first " << uploaded(first.out).first << " files (" << uploaded(first.out).second
            << "), second " << uploaded(second.out).first << ", one change " << uploaded(third.out).first << " ("
            << uploaded(third.out).second << ")\n";

  std::string page = some_page(site.out);
  fs::remove(site.out / page);
  auto kept = site.deploy(target, env);
  CHECK(kept.exit_code == 0);
  CHECK(kept.out.find("остался 1 файл") != std::string::npos);
  CHECK(fs::exists(remote / page));
  auto removed = site.deploy(target, env, {"--delete"});
  CHECK(removed.exit_code == 0);
  CHECK(removed.out.find("удалено 1,") != std::string::npos);
  CHECK_FALSE(fs::exists(remote / page));
  CHECK(tree(remote) == tree(site.out));
}

Env home_env(const TempDir& home, const std::string& password = {}) {
  Env env = {{"HOME", home.path().string()}};
  if (!password.empty()) env["NASTAVNIK_DEPLOY_PASSWORD"] = password;
  return env;
}

}  // namespace

TEST_CASE("deploy to file://: full cycle, dry run, deletion limit", "[net]") {
  BuiltSite site;
  TempDir remote, home;
  auto target = "file://" + (remote.path() / "site").string() + "/";

  auto dry = site.deploy(target, home_env(home), {"--dry-run"});
  CHECK(dry.exit_code == 0);
  CHECK(dry.out.find("загрузить " + std::to_string(tree(site.out).size()) + " файл") != std::string::npos);
  CHECK_FALSE(fs::exists(remote.path() / "site"));

  full_cycle("file://", site, target, remote.path() / "site", home_env(home));

  // More than half of the uploaded files to delete: refused without --yes, nothing touched.
  auto before = tree(remote.path() / "site");
  std::vector<fs::path> pages;
  for (const auto& [rel, bytes] : tree(site.out))
    if (rel != "index.html") pages.push_back(site.out / rel);
  for (std::size_t i = 0; i < pages.size() * 2 / 3; ++i) fs::remove(pages[i]);
  auto refused = site.deploy(target, home_env(home), {"--delete"});
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("--yes") != std::string::npos);
  CHECK(tree(remote.path() / "site") == before);
  auto plan = site.deploy(target, home_env(home), {"--delete", "--dry-run"});
  CHECK(plan.exit_code == 0);
  CHECK(plan.out.find("  - ") != std::string::npos);
  auto confirmed = site.deploy(target, home_env(home), {"--delete", "--yes"});
  CHECK(confirmed.exit_code == 0);
  CHECK(tree(remote.path() / "site") == tree(site.out));
}

TEST_CASE("deploy: deploy.max_delete of site.yaml lowers the deletion limit", "[net]") {
  BuiltSite site;
  TempDir remote, home;
  write_files(site.dir.path(), "-- site.yaml --\n" + read_file(site.dir.path() / "site.yaml") + "deploy: { max_delete: 1 }\n");
  auto target = "file://" + remote.path().string() + "/";
  REQUIRE(site.deploy(target, home_env(home)).exit_code == 0);
  fs::remove(site.out / some_page(site.out));
  fs::remove(site.out / "robots.txt");
  auto refused = site.deploy(target, home_env(home), {"--delete"});
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("deploy.max_delete: 1") != std::string::npos);
  CHECK(site.deploy(target, home_env(home), {"--delete", "--yes"}).exit_code == 0);
}

TEST_CASE("deploy: a wrong deploy.max_delete stops the upload with site.yaml's diagnostic", "[net]") {
  BuiltSite site;
  TempDir remote, home;
  write_files(site.dir.path(), "-- site.yaml --\n" + read_file(site.dir.path() / "site.yaml") + "deploy: { max_delete: \"5abc\" }\n");
  auto r = site.deploy("file://" + remote.path().string() + "/", home_env(home));
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("site.yaml:") != std::string::npos);
  CHECK(r.err.find("max_delete") != std::string::npos);
  CHECK(fs::is_empty(remote.path()));  // nothing uploaded
}

TEST_CASE("deploy to ftp:// (pure-ftpd)", "[net]") {
  FtpServer ftp(false);
  BuiltSite site;
  TempDir home;
  full_cycle("ftp://", site, ftp.url("public_html/nastavnichestvo/"), ftp.root() / "public_html/nastavnichestvo",
             home_env(home, ftp.password()));
}

TEST_CASE("deploy to ftps:// (explicit TLS, self-signed certificate)", "[net]") {
  FtpServer ftp(true);
  BuiltSite site;
  TempDir home;
  auto env = home_env(home, ftp.password());
  // Untrusted certificate: a clear refusal.
  auto untrusted = site.deploy(ftp.url("site/"), env);
  CHECK(untrusted.exit_code == 1);
  CHECK(untrusted.err.find("сертификат") != std::string::npos);
  env["NASTAVNIK_DEPLOY_CA"] = ftp.cert().string();
  full_cycle("ftps://", site, ftp.url("site/"), ftp.root() / "site", env);
}

TEST_CASE("deploy to sftp:// (sshd, key and known_hosts)", "[net]") {
  SftpServer sftp;
  BuiltSite site;
  full_cycle("sftp://", site, sftp.url("site/"), sftp.root() / "site", {{"HOME", sftp.home().string()}});
}

TEST_CASE("deploy to WebDAV (nginx), password from ~/.netrc", "[net]") {
  DavServer dav;
  BuiltSite site;
  TempDir home;
  write_files(home.path(), "-- .netrc --\nmachine 127.0.0.1 login deployer password " + dav.password() + "\n");
  fs::permissions(home.path() / ".netrc", fs::perms::owner_read | fs::perms::owner_write);
  full_cycle("WebDAV", site, dav.url("nastavnichestvo/"), dav.root() / "nastavnichestvo", home_env(home));
}

TEST_CASE("deploy: a wrong password gives a clear Russian message, exit 1, and is never printed", "[net]") {
  FtpServer ftp(false);
  DavServer dav;
  BuiltSite site;
  TempDir home;
  const std::string secret = "WrongPass-7731";
  auto no_secret = [&](const ProcessResult& r) {
    CHECK(r.out.find(secret) == std::string::npos);
    CHECK(r.err.find(secret) == std::string::npos);
  };
  auto env_pw = site.deploy(ftp.url("x/"), home_env(home, secret));
  CHECK(env_pw.exit_code == 1);
  CHECK(env_pw.err.find("не принял имя пользователя «deployer» или пароль") != std::string::npos);
  no_secret(env_pw);

  // In the URL (nginx: no delay after a failed login, unlike pure-ftpd): redacted before printing.
  auto in_url = site.deploy("http://deployer:" + secret + "@127.0.0.1:" + std::to_string(dav.port()) + "/x/", home_env(home));
  CHECK(in_url.exit_code == 1);
  CHECK(in_url.err.find("http://deployer@127.0.0.1:" + std::to_string(dav.port()) + "/x/") != std::string::npos);
  no_secret(in_url);

  auto dav_pw = site.deploy(dav.url("x/"), home_env(home, secret));
  CHECK(dav_pw.exit_code == 1);
  CHECK(dav_pw.err.find("не принял") != std::string::npos);
  no_secret(dav_pw);
  CHECK(tree(ftp.root()).empty());
}

TEST_CASE("deploy: killed mid-way, a re-run converges", "[net]") {
  // nginx: pure-ftpd now and then stalls a second on a passive port, which makes timing vary.
  DavServer dav;
  BuiltSite site(200);
  TempDir home;
  auto env = home_env(home, dav.password());
  auto target = dav.url("site/");
  auto remote = dav.root() / "site";
  auto local = tree(site.out);
  {
    Child child({NASTAVNIK_BIN, "deploy", "-s", site.dir.path().string(), "--target", target, "-v"}, env);
    int lines = 0;
    while (lines < 5) {
      auto line = child.read_line();
      REQUIRE(line);
      if (line->rfind("+ ", 0) == 0) ++lines;
    }
    child.signal(SIGKILL);
    CHECK(child.wait() == 128 + SIGKILL);
  }
  auto partial = tree(remote);
  CHECK(partial.size() >= 5);
  CHECK(partial.size() < local.size());
  CHECK_FALSE(fs::exists(remote / ".nastavnik-manifest.json"));

  auto rerun = site.deploy(target, env);
  INFO(rerun.err);
  CHECK(rerun.exit_code == 0);
  CHECK(tree(remote) == local);
  auto again = site.deploy(target, env);
  CHECK(uploaded(again.out).first == 0);
}

TEST_CASE("deploy: no target is a usage error", "[net]") {
  BuiltSite site;
  auto r = run_binary({"deploy", "-s", site.dir.path().string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--target") != std::string::npos);
  auto bad = run_binary({"deploy", "-s", site.dir.path().string(), "--target", "gopher://x/"});
  CHECK(bad.exit_code == 2);
}

// Figures for the demo site in the repository root; run on purpose: nastavnik_tests "[net-figures]"
TEST_CASE("deploy figures for the demo site", "[.][net-figures]") {
  FtpServer ftp(false), ftps(true);
  SftpServer sftp;
  DavServer dav;
  TempDir home, remote;
  std::vector<std::tuple<std::string, std::string, fs::path, Env>> targets = {
      {"file://", "file://" + remote.path().string() + "/", remote.path(), home_env(home)},
      {"ftp://", ftp.url("site/"), ftp.root() / "site", home_env(home, ftp.password())},
      {"ftps://", ftps.url("site/"), ftps.root() / "site",
       Env{{"HOME", home.path().string()}, {"NASTAVNIK_DEPLOY_PASSWORD", ftps.password()}, {"NASTAVNIK_DEPLOY_CA", ftps.cert().string()}}},
      {"sftp://", sftp.url("site/"), sftp.root() / "site", Env{{"HOME", sftp.home().string()}}},
      {"WebDAV", dav.url("site/"), dav.root() / "site", home_env(home, dav.password())},
  };
  for (const auto& [name, target, dir, env] : targets) {
    BuiltSite site(0, source_dir());
    full_cycle("demo " + name, site, target, dir, env);
  }
}
