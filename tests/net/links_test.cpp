// `nastavnik links` end to end: the real binary against pages on disk and a real HTTP server on
// 127.0.0.1 (cpp-httplib, in this process).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <iostream>

#include "support/servers.hpp"
#include "support/site_builder.hpp"

using namespace nastavnik::test;
using nlohmann::json;

namespace {

// Every test site refuses anything but 127.0.0.1, so no test can reach the internet.
const char* k_site_yaml =
    "-- site.yaml --\n"
    "title: \"Тест\"\n"
    "base_url: \"https://test.example.ru/nastavnichestvo/\"\n"
    "school: { name: \"Школа\" }\n"
    "links: { exclude: [\"^https?://(?!127\\\\.0\\\\.0\\\\.1[:/])\"] }\n";

std::string page(const std::string& body) {
  return "<!doctype html><html><head><title>t</title></head><body id=\"main\">" + body + "</body></html>\n";
}

const json* find_url(const json& list, const std::string& url) {
  for (const auto& item : list)
    if (item.at("url") == url) return &item;
  return nullptr;
}

json run_json(const std::vector<std::string>& args, int expected_exit) {
  auto r = run_binary(args);
  INFO(r.err);
  INFO(r.out);
  REQUIRE(r.exit_code == expected_exit);
  return json::parse(r.out);
}

}  // namespace

TEST_CASE("links: broken internal href, src and #fragment, with the pages that contain them", "[net]") {
  TempDir dir;
  write_files(dir.path(), k_site_yaml);
  auto out = dir.path() / "public";
  write_files(out,
              "-- index.html --\n" +
                  page("<a href=\"novosti/\">ok</a> <a href=\"missing/\">x</a> <img src=\"files/none.png\" alt=\"\">"
                       "<a href=\"novosti/#top\">ok</a> <a href=\"novosti/#nope\">x</a> <a href=\"#main\">ok</a>"
                       "<a href=\"https://test.example.ru/nastavnichestvo/gone/\">x</a>"
                       "<a href=\"/nastavnichestvo/novosti/\">ok</a> <a href=\"mailto:a@b.ru\">mail</a>"
                       "<a href=\"files/ok.png\">ok</a> <a href=\"#absent\">x</a>") +
                  "-- novosti/index.html --\n" +
                  page("<h1 id=\"top\">Новости</h1><a href=\"../missing/\">x</a><img src=\"../files/ok.png\" "
                       "srcset=\"../files/ok.png 1x, ../files/none2.png 2x\" alt=\"\"><a href=\"../\">ok</a>") +
                  "-- files/ok.png --\nPNG\n");

  auto j = run_json({"links", "-s", dir.path().string(), "--format", "json"}, 1);
  const auto& broken = j.at("broken");
  CHECK(broken.size() == 6);
  const json* missing = find_url(broken, "/nastavnichestvo/missing/");
  REQUIRE(missing);
  CHECK(missing->at("error") == "файл не найден");
  CHECK(missing->at("pages") == json::array({"index.html", "novosti/index.html"}));
  CHECK(find_url(broken, "/nastavnichestvo/files/none.png"));
  CHECK(find_url(broken, "/nastavnichestvo/files/none2.png"));
  CHECK(find_url(broken, "/nastavnichestvo/gone/"));
  const json* frag = find_url(broken, "/nastavnichestvo/novosti/#nope");
  REQUIRE(frag);
  CHECK(frag->at("error") == "на странице нет якоря «#nope»");
  CHECK(find_url(broken, "/nastavnichestvo/#absent"));

  // Text: grouped by URL, then a summary with Russian plurals.
  auto text = run_binary({"links", "-s", dir.path().string()});
  CHECK(text.exit_code == 1);
  CHECK(text.out.find("/nastavnichestvo/missing/ — файл не найден\n  страницы: index.html, novosti/index.html") !=
        std::string::npos);
  CHECK(text.out.find(", 6 битых") != std::string::npos);
  CHECK(text.err.empty());  // no progress when stderr is not a terminal
}

TEST_CASE("links: no output folder says to build first (exit 2)", "[net]") {
  TempDir dir;
  write_files(dir.path(), k_site_yaml);
  auto r = run_binary({"links", "-s", dir.path().string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("nastavnik build") != std::string::npos);
  auto bad = run_binary({"links", "-s", dir.path().string(), "--format", "xml"});
  CHECK(bad.exit_code == 2);
}

TEST_CASE("links --external: ok, permanent redirect, 404, 429 and 500 retried, timeout", "[net]") {
  LinkServer srv;
  TempDir dir;
  write_files(dir.path(), k_site_yaml);
  std::string body;
  for (const char* p : {"/ok", "/moved", "/found", "/missing", "/limited", "/flaky", "/slow", "/nohead", "/liar"})
    body += "<a href=\"" + srv.url(p) + "\">" + p + "</a>\n";
  body += "<a href=\"https://vk.com/school\">excluded</a>";
  write_files(dir.path() / "public", "-- index.html --\n" + page(body) + "-- kurator/index.html --\n" +
                                         page("<a href=\"" + srv.url("/missing") + "#x\">again</a>"));

  auto started = std::chrono::steady_clock::now();
  auto j = run_json({"links", "-s", dir.path().string(), "--external", "--timeout", "1", "--format", "json"}, 1);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  INFO(j.dump(1));
  const auto& broken = j.at("broken");
  CHECK(broken.size() == 2);
  const json* missing = find_url(broken, srv.url("/missing"));
  REQUIRE(missing);
  CHECK(missing->at("error") == "404 Не найдено");
  CHECK(missing->at("pages") == json::array({"index.html", "kurator/index.html"}));
  const json* slow = find_url(broken, srv.url("/slow"));
  REQUIRE(slow);
  CHECK(slow->at("error").get<std::string>().rfind("тайм-аут 1 с", 0) == 0);
  const auto& redirects = j.at("redirects");
  REQUIRE(redirects.size() == 1);
  CHECK(redirects[0].at("url") == srv.url("/moved"));
  CHECK(redirects[0].at("redirect") == 301);
  CHECK(redirects[0].at("location") == srv.url("/ok"));
  CHECK(j.at("excluded") == 1);
  CHECK(srv.requests("/limited") == 2);  // 429, then after Retry-After: 200
  CHECK(srv.requests("/flaky") == 2);    // 500, then 200
  CHECK(srv.requests("/slow") == 3);     // three attempts, each cut at 1 s
  CHECK(srv.requests("/nohead") == 2);   // HEAD 405, GET 200
  CHECK(srv.requests("/liar") == 2);     // HEAD 404, GET 200
  CHECK(secs < 15);
}

TEST_CASE("links --external: at most 2 requests per host, cached for the next run", "[net]") {
  LinkServer srv(std::chrono::milliseconds(100));
  TempDir dir;
  write_files(dir.path(), k_site_yaml);
  std::string body;
  for (int i = 0; i < 16; ++i) body += "<a href=\"" + srv.url("/page/" + std::to_string(i)) + "\">p</a>\n";
  write_files(dir.path() / "public", "-- index.html --\n" + page(body));

  auto j = run_json({"links", "-s", dir.path().string(), "--external", "-j", "8", "--format", "json"}, 0);
  CHECK(j.at("external") == 16);
  CHECK(srv.total_requests() == 16);
  CHECK(srv.max_concurrent() == 2);
  std::cerr << "[net] most requests one host received at once (-j 8): " << srv.max_concurrent() << "\n";

  auto again = run_json({"links", "-s", dir.path().string(), "--external", "--format", "json"}, 0);
  CHECK(again.at("cached") == 16);
  CHECK(again.at("requests") == 0);
  CHECK(srv.total_requests() == 16);
  CHECK(std::filesystem::exists(dir.path() / ".nastavnik-cache/links.json"));
  auto text = run_binary({"links", "-s", dir.path().string(), "--external"});
  CHECK(text.out.find("проверено 16 ссылок, битых нет (из кэша: 16)") != std::string::npos);
}

TEST_CASE("links --external: throughput with -j 8 over four hosts", "[net]") {
  std::vector<std::unique_ptr<LinkServer>> servers;
  for (int s = 0; s < 4; ++s) servers.push_back(std::make_unique<LinkServer>(std::chrono::milliseconds(0)));
  TempDir dir;
  write_files(dir.path(), k_site_yaml);
  std::string body;
  const int per_server = 100;
  for (const auto& srv : servers)
    for (int i = 0; i < per_server; ++i) body += "<a href=\"" + srv->url("/page/" + std::to_string(i)) + "\">p</a>\n";
  write_files(dir.path() / "public", "-- index.html --\n" + page(body));
  auto started = std::chrono::steady_clock::now();
  auto j = run_json({"links", "-s", dir.path().string(), "--external", "-j", "8", "--format", "json"}, 0);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  CHECK(j.at("external") == 4 * per_server);
  CHECK(j.at("max_in_flight") <= 8);
  for (const auto& srv : servers) CHECK(srv->max_concurrent() <= 2);
  std::cerr << "[net] external links checked per second with -j 8 (4 local hosts, 2 per host): "
            << static_cast<int>(4 * per_server / secs) << "\n";
}

TEST_CASE("links --external: URLs of monitoring.yaml and documents.yaml are checked on their pages", "[net]") {
  LinkServer srv;
  TempDir dir;
  copy_base_site(dir.path());
  auto docs = read_file(dir.path() / "content/documents.yaml");
  auto pos = docs.find("https://example.org/273");
  REQUIRE(pos != std::string::npos);
  docs.replace(pos, std::string("https://example.org/273").size(), srv.url("/missing?doc=273"));
  write_files(dir.path(), "-- content/documents.yaml --\n" + docs);
  auto mon = read_file(dir.path() / "content/monitoring.yaml");
  pos = mon.find("    computed: mentors.count");
  REQUIRE(pos != std::string::npos);
  mon.insert(pos, "    source: \"" + srv.url("/missing?from=monitoring") + "\"\n");
  write_files(dir.path(), "-- content/monitoring.yaml --\n" + mon);
  auto yaml = read_file(dir.path() / "site.yaml") + "links: { exclude: [\"^https?://(?!127\\\\.0\\\\.0\\\\.1[:/])\"] }\n";
  write_files(dir.path(), "-- site.yaml --\n" + yaml);
  auto build = run_binary({"build", "-s", dir.path().string(), "--now", "2026-11-20", "-q"});
  INFO(build.err);
  REQUIRE(build.exit_code == 0);

  auto j = run_json({"links", "-s", dir.path().string(), "--external", "--format", "json"}, 1);
  INFO(j.dump(1));
  const json* doc = find_url(j.at("broken"), srv.url("/missing?doc=273"));
  REQUIRE(doc);
  CHECK(doc->at("pages") == json::array({"dokumenty/index.html"}));
  const json* src = find_url(j.at("broken"), srv.url("/missing?from=monitoring"));
  REQUIRE(src);
  CHECK(src->at("pages") == json::array({"monitoring/index.html"}));
}
