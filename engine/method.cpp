#include "engine/method.hpp"

#include <cctype>
#include <iterator>

#include "core/errors.hpp"

namespace lqs {

Result Result::of(std::string name, Data data) {
  Result result;
  result.outputs.push_back(Output{std::move(name), std::move(data)});
  return result;
}

const Stack& RunContext::stack(std::size_t index) const {
  const Data& input = inputs.at(index);
  if (const auto* file = std::get_if<StackFile>(&input))
    throw InputError(file->path().string() + " is larger than the memory this run may use and this method needs it " +
                     "whole: raise --max-memory or process a frame range");
  return std::get<Stack>(input);
}

std::string lowercaseExtension(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

void checkOutputName(const MethodSpec& method, const std::filesystem::path& output) {
  std::error_code error;
  if (method.outputs.empty() || std::filesystem::is_directory(output, error)) return;
  const bool table = method.outputs.front().kind == DataKind::Table;
  const std::string ext = lowercaseExtension(output);
  if (table ? ext == ".csv" : ext == ".tif" || ext == ".tiff") return;
  throw ParameterError(method.name + " writes " + (table ? "a table" : "an image stack") +
                       ": name its output " + (table ? "NAME.csv" : "NAME.tif") + " (got " + output.string() +
                       ")");
}

Data oneChannel(Data input, std::optional<std::size_t> channel) {
  if (!channel || std::holds_alternative<Table>(input)) return input;
  if (*channel == 0) throw ParameterError("channels are counted from 1");
  if (const auto* file = std::get_if<StackFile>(&input))
    return file->channels() == 1 && *channel == 1 ? input : Data(readTiffChannel(file->path(), *channel - 1));
  const Stack& stack = std::get<Stack>(input);
  if (stack.channels == 1 && *channel == 1) return input;
  return stack.channel(*channel - 1);
}

void append(std::vector<Implementation>& to, std::vector<Implementation> more) {
  to.insert(to.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
}

}  // namespace lqs
