#include "net/deploy.hpp"

#include <optional>
#include <thread>

#include "output/writer.hpp"
#include "util/file.hpp"
#include "util/hash.hpp"

namespace nastavnik::net {

namespace fs = std::filesystem;

namespace {

template <class Op>
RemoteResult with_retries(const DeployOptions& options, Op op) {
  for (int attempt = 0;; ++attempt) {
    RemoteResult r = op();
    if (r.ok || !r.retryable || attempt + 1 >= options.max_attempts) return r;
    std::this_thread::sleep_for(options.backoff * (1 << attempt));
  }
}

}  // namespace

DeployResult deploy(const DeployOptions& options) {
  DeployResult result;
  std::error_code ec;
  if (!fs::is_directory(options.out_dir, ec)) {
    result.status = DeployStatus::io_error;
    result.error = "папка результата " + options.out_dir.string() + " не найдена: сначала соберите сайт командой nastavnik build";
    return result;
  }
  if (!fs::exists(options.out_dir / output::k_marker, ec)) {
    result.status = DeployStatus::io_error;
    result.error = "папка " + options.out_dir.string() +
                   " собрана не nastavnik (нет файла " + output::k_marker + "): загружать её не буду. Соберите сайт командой nastavnik build";
    return result;
  }
  std::vector<LocalFile> local;
  if (!scan_output(options.out_dir, local, result.error)) {
    result.status = DeployStatus::io_error;
    return result;
  }

  auto remote = open_remote(options.target, options.credentials);
  std::string manifest_text;
  bool found = false;
  RemoteResult fr = with_retries(options, [&] { return remote->fetch(k_manifest_name, manifest_text, found); });
  if (!fr.ok) {
    result.status = DeployStatus::failed;
    result.error = "не удалось прочитать список загруженных файлов на сервере: " + fr.message;
    if (fr.kind == ErrorKind::login || fr.kind == ErrorKind::tls) result.error = fr.message;
    return result;
  }
  Manifest previous;
  if (found) {
    if (auto m = parse_manifest(manifest_text)) {
      previous = std::move(*m);
      result.had_manifest = true;
    }
  }
  result.plan = make_plan(local, previous, options.remove);
  DeployPlan& plan = result.plan;

  std::size_t remote_files = previous.files.size();
  std::size_t deletions = plan.remove.size();
  bool too_many = deletions > static_cast<std::size_t>(std::max(0, options.max_delete)) ||
                  (deletions > 0 && deletions * 2 > remote_files);
  if (too_many && !options.yes && !options.dry_run) {
    result.status = DeployStatus::refused;
    result.error = "нужно удалить на сервере " + std::to_string(deletions) + " из " + std::to_string(remote_files) +
                   " загруженных ранее файлов — это больше допустимого (deploy.max_delete: " +
                   std::to_string(options.max_delete) +
                   ", или больше половины). Проверьте план: nastavnik deploy --delete --dry-run; если всё верно, "
                   "повторите с --yes";
    return result;
  }
  if (options.dry_run) return result;

  DeployProgress progress;
  progress.files_total = plan.upload.size() + plan.remove.size();
  progress.bytes_total = plan.upload_bytes;
  for (const auto& f : plan.upload) {
    std::optional<std::string> read = util::read_file(options.out_dir / f.rel);
    if (!read) {
      result.status = DeployStatus::io_error;
      result.error = "не удалось прочитать " + (options.out_dir / f.rel).string();
      return result;
    }
    const std::string& bytes = *read;
    plan.next.files[f.rel] = ManifestEntry{util::hash_hex(bytes), bytes.size()};  // what was really sent
    RemoteResult r = with_retries(options, [&] { return remote->put(f.rel, bytes); });
    if (!r.ok) {
      result.status = DeployStatus::failed;
      result.error = (r.kind == ErrorKind::login || r.kind == ErrorKind::tls) ? r.message : "не удалось загрузить " + r.message;
      return result;
    }
    ++result.uploaded;
    result.bytes_uploaded += bytes.size();
    ++progress.files_done;
    progress.bytes_done += bytes.size();
    progress.current = f.rel;
    if (options.log) options.log("+ " + f.rel);
    if (options.progress) options.progress(progress);
  }
  for (const auto& rel : plan.remove) {
    RemoteResult r = with_retries(options, [&] { return remote->remove(rel); });
    if (!r.ok) {
      result.status = DeployStatus::failed;
      result.error = (r.kind == ErrorKind::login || r.kind == ErrorKind::tls) ? r.message : "не удалось удалить " + r.message;
      return result;
    }
    ++result.deleted;
    ++progress.files_done;
    progress.current = rel;
    if (options.log) options.log("- " + rel);
    if (options.progress) options.progress(progress);
  }
  // The manifest goes last: until it is written, the old one describes a state that a re-run
  // corrects by uploading every file whose hash it does not know.
  std::string next = manifest_to_json(plan.next);
  if (next != manifest_text) {
    RemoteResult r = with_retries(options, [&] { return remote->put(k_manifest_name, next); });
    if (!r.ok) {
      result.status = DeployStatus::failed;
      result.error = "файлы загружены, но не удалось записать список загруженных файлов: " + r.message;
      return result;
    }
  }
  return result;
}

}  // namespace nastavnik::net
