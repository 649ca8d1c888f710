// External links: HEAD first, GET when HEAD is refused or lies, redirects followed, at most
// `concurrency` transfers at once and `per_host` per host, retries with exponential backoff on
// 429, 5xx and timeouts (honouring Retry-After), results of good links cached.
#include <algorithm>
#include <deque>
#include <map>
#include <optional>
#include <thread>

#include "net/link_cache.hpp"
#include "net/link_check.hpp"
#include "net/transfer.hpp"
#include "net/url.hpp"

namespace nastavnik::net {

namespace {

using Clock = std::chrono::steady_clock;

struct Job {
  LinkResult* result = nullptr;
  std::string host;
  int attempt = 0;     ///< retries already spent
  bool use_get = false;
  Clock::time_point not_before{};
};

bool retryable(const Response& r) {
  if (r.kind == ErrorKind::timeout || r.kind == ErrorKind::transient) return true;
  return r.kind == ErrorKind::none && (r.status == 429 || r.status >= 500);
}

void set_outcome(LinkResult& link, const Response& r, const LinkCheckOptions& options) {
  link.status = r.status;
  for (long s : r.redirects)
    if (s == 301 || s == 308) {
      link.redirect_status = s;
      link.redirect_to = r.final_url;
    }
  bool good = r.kind == ErrorKind::none && r.status >= 200 && r.status < 400;
  link.broken = !good;
  if (!good) {
    link.error = describe_error_ru(r, options.timeout);
    if (link.attempts > 1) link.error += " (попыток: " + std::to_string(link.attempts) + ")";
  }
}

}  // namespace

void check_external(std::vector<LinkResult>& results, const LinkCheckOptions& options, LinkReport& report) {
  std::optional<LinkCache> cache;
  if (!options.cache_file.empty()) cache.emplace(options.cache_file, options.cache_ttl);
  std::size_t done = 0;
  auto progress = [&] {
    ++done;
    if (options.progress) options.progress(report.internal + done, report.checked);
  };

  std::deque<Job> pending;
  for (auto& r : results) {
    if (cache) {
      if (auto hit = cache->find(r.url)) {
        r.status = hit->status;
        r.redirect_status = hit->redirect_status;
        r.redirect_to = hit->redirect_to;
        r.from_cache = true;
        ++report.cached;
        progress();
        continue;
      }
    }
    auto u = parse_url(r.url);
    if (!u) {
      r.broken = true;
      r.error = "неверный адрес";
      progress();
      continue;
    }
    pending.push_back(Job{&r, host_key(*u)});
  }

  Multi multi;
  std::map<std::uint64_t, Job> in_flight;
  std::map<std::string, int> per_host;
  std::uint64_t next_id = 1;
  const std::size_t limit = static_cast<std::size_t>(std::max(1, options.concurrency));
  const int host_limit = std::max(1, options.per_host);

  while (!pending.empty() || !in_flight.empty()) {
    auto now = Clock::now();
    auto next_wake = now + std::chrono::milliseconds(200);
    for (auto it = pending.begin(); it != pending.end() && in_flight.size() < limit;) {
      if (it->not_before > now) {
        next_wake = std::min(next_wake, it->not_before);
        ++it;
        continue;
      }
      if (per_host[it->host] >= host_limit) {
        ++it;
        continue;
      }
      Request req;
      req.url = it->result->url;
      req.method = it->use_get ? Request::Method::get : Request::Method::head;
      req.status_only = true;
      req.follow_redirects = true;
      req.timeout = options.timeout;
      ++per_host[it->host];
      ++report.requests;
      std::uint64_t id = next_id++;
      multi.add(id, req);
      in_flight.emplace(id, std::move(*it));
      it = pending.erase(it);
    }
    report.max_in_flight = std::max(report.max_in_flight, in_flight.size());
    auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(next_wake - Clock::now());
    if (in_flight.empty()) {
      if (wait.count() > 0) std::this_thread::sleep_for(wait);
      continue;
    }
    for (auto& [id, response] : multi.poll(std::max(std::chrono::milliseconds(1), wait))) {
      auto node = in_flight.extract(id);
      Job job = std::move(node.mapped());
      --per_host[job.host];
      LinkResult& link = *job.result;
      ++link.attempts;
      const Response& r = response;
      // HEAD refused, or answered with an error a GET might not give ("servers that lie").
      if (!job.use_get && r.kind == ErrorKind::none && r.status >= 400 && r.status != 429) {
        job.use_get = true;
        --link.attempts;
        pending.push_front(std::move(job));
        continue;
      }
      if (retryable(r) && job.attempt + 1 < options.max_attempts) {
        auto delay = options.backoff * (1 << job.attempt);
        if (r.retry_after) {
          auto ra = std::chrono::seconds(std::min<long>(*r.retry_after, options.max_retry_after.count()));
          delay = std::max<std::chrono::milliseconds>(delay, ra);
        }
        ++job.attempt;
        job.not_before = Clock::now() + delay;
        if (r.kind == ErrorKind::none && r.status >= 500) job.use_get = true;  // HEAD may be what fails
        pending.push_back(std::move(job));
        continue;
      }
      set_outcome(link, r, options);
      if (!link.broken && cache)
        cache->store(link.url, CachedLink{unix_now(), link.status, link.redirect_status, link.redirect_to});
      progress();
    }
  }
  if (cache) cache->save();
}

}  // namespace nastavnik::net
