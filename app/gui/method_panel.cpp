#include "app/gui/method_panel.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <cmath>
#include <limits>

#include "app/gui/jobs/frame_follower.hpp"
#include "app/gui/model/layer_list.hpp"
#include "core/errors.hpp"
#include "engine/implementation_selector.hpp"

namespace lqs::gui {

namespace {

constexpr double kWidgetLimit = 1e9;  // spin boxes show declared ranges up to this magnitude

QString tip(const std::string& help, const QString& range = {}) {
  return QString::fromStdString(help) + (range.isEmpty() ? QString() : "\n" + range);
}

// The widget for `param`; `changed` runs on every edit.
QWidget* parameterWidget(const ParamSpec& param, std::function<std::string()>& text,
                         const std::function<void()>& changed) {
  const QString range = QString("allowed: %1 to %2").arg(param.min).arg(param.max);
  switch (param.type) {
    case ParamType::Integer: {
      auto* box = new QSpinBox;
      box->setRange(int(std::max(param.min, double(std::numeric_limits<int>::min()))),
                    int(std::min(param.max, double(std::numeric_limits<int>::max()))));
      box->setValue(int(std::stod(param.defaultValue)));
      box->setToolTip(tip(param.help, range));
      text = [box] { return std::to_string(box->value()); };
      QObject::connect(box, &QSpinBox::valueChanged, box, changed);
      return box;
    }
    case ParamType::Real: {
      auto* box = new QDoubleSpinBox;
      box->setDecimals(4);
      box->setRange(std::max(param.min, -kWidgetLimit), std::min(param.max, kWidgetLimit));
      box->setValue(std::stod(param.defaultValue));
      box->setSingleStep(std::abs(box->value()) >= 1 ? 0.5 : 0.05);
      box->setToolTip(tip(param.help, range));
      text = [box] { return QString::number(box->value(), 'g', 10).toStdString(); };
      QObject::connect(box, &QDoubleSpinBox::valueChanged, box, changed);
      return box;
    }
    case ParamType::Boolean: {
      auto* box = new QCheckBox;
      box->setChecked(param.defaultValue == "true" || param.defaultValue == "1");
      box->setToolTip(tip(param.help));
      text = [box] { return std::string(box->isChecked() ? "true" : "false"); };
      QObject::connect(box, &QCheckBox::toggled, box, changed);
      return box;
    }
    case ParamType::Choice: {
      auto* box = new QComboBox;
      for (const auto& choice : param.choices) box->addItem(QString::fromStdString(choice));
      box->setCurrentText(QString::fromStdString(param.defaultValue));
      box->setToolTip(tip(param.help));
      text = [box] { return box->currentText().toStdString(); };
      QObject::connect(box, &QComboBox::currentTextChanged, box, changed);
      return box;
    }
  }
  return nullptr;
}

// The frame a layer shows, as a one-frame stack with the layer's pixel size (also for a layer on disk).
Stack shownFrameOf(const ImageLayer& layer) {
  Stack frame(1, layer.rows(), layer.cols());
  const auto shown = layer.shownFrame();
  std::copy(shown.begin(), shown.end(), frame.data());
  frame.pixelSize = layer.pixelSize();
  return frame;
}

}  // namespace

MethodPanel::MethodPanel(const Method& method, QWidget* parent) : QWidget(parent), spec_(method.spec) {
  auto* form = new QFormLayout(this);
  auto* summary = new QLabel(QString::fromStdString(spec_.summary));
  summary->setWordWrap(true);
  form->addRow(summary);

  for (const PortSpec& port : spec_.inputs) {
    const QString label = QString::fromStdString(port.name) + (port.optional ? " (optional)" : "");
    const std::string portName = port.name;
    const bool optional = port.optional;
    if (port.kind == DataKind::Stack) {
      auto* picker = new QComboBox;
      picker->setObjectName(QString::fromStdString("input:" + port.name));
      picker->setToolTip(tip(port.help));
      form->addRow(label, picker);
      layerPickers_.push_back([picker, optional](const QStringList& names) {
        const QString current = picker->currentText();
        picker->clear();
        if (optional) picker->addItem("(none)");
        picker->addItems(names);
        if (names.contains(current)) picker->setCurrentText(current);
      });
      inputs_.push_back(
          [picker, portName, optional](const LayerList& layers, bool shownFrameOnly) -> std::optional<Data> {
            const ImageLayer* layer = layers.find(picker->currentText().toStdString());
            if (layer && shownFrameOnly) return Data{shownFrameOf(*layer)};
            if (layer) return Data{*layer->stack()};
            if (optional) return std::nullopt;
            throw InputError("choose a layer for \"" + portName + "\" (open an image or the sample first)");
          });
      inputNames_.push_back([picker, optional] {
        return optional && picker->currentIndex() == 0 ? std::string() : picker->currentText().toStdString();
      });
    } else {
      auto* row = new QWidget;
      auto* layout = new QHBoxLayout(row);
      layout->setContentsMargins(0, 0, 0, 0);
      auto* path = new QLineEdit;
      path->setPlaceholderText("CSV file");
      path->setToolTip(tip(port.help));
      auto* browse = new QToolButton;
      browse->setText("…");
      layout->addWidget(path);
      layout->addWidget(browse);
      connect(browse, &QToolButton::clicked, path, [path] {
        const QString file = QFileDialog::getOpenFileName(path, "Table", {}, "CSV tables (*.csv)");
        if (!file.isEmpty()) path->setText(file);
      });
      form->addRow(label, row);
      inputs_.push_back([path, portName, optional](const LayerList&, bool) -> std::optional<Data> {
        if (path->text().isEmpty()) {
          if (optional) return std::nullopt;
          throw InputError("choose a CSV file for \"" + portName + "\"");
        }
        return Data{readCsv(path->text().toStdString())};
      });
      inputNames_.push_back([path] { return path->text().toStdString(); });
    }
  }

  for (const ParamSpec& param : spec_.params) {
    std::function<std::string()> text;
    QWidget* widget = parameterWidget(param, text, [this] { emit parametersChanged(); });
    widget->setObjectName(QString::fromStdString(param.name));
    form->addRow(QString::fromStdString(param.name), widget);
    paramTexts_.push_back(std::move(text));
  }

  // Where it runs, in the forms --impl takes (docs/liquid-engine.md); the agent decides by default.
  auto* runOn = new QComboBox;
  runOn->setObjectName("runOn");
  runOn->addItem("automatic");
  for (const std::string& choice : selectorChoices(method)) runOn->addItem(QString::fromStdString(choice));
  runOn->setToolTip(
      "automatic: the Liquid Engine chooses. A back end or device lets it choose among its "
      "implementations; an implementation runs "
      "exactly, without falling back elsewhere");
  form->addRow("run on", runOn);
  runOn_ = [runOn]() -> std::optional<std::string> {
    if (runOn->currentIndex() <= 0) return std::nullopt;
    return runOn->currentText().toStdString();
  };

  if (followsShownFrame(spec_.name)) {
    auto* follow = new QCheckBox("Follow the shown frame");
    follow->setObjectName("followFrame");
    follow->setToolTip("Run again whenever the input shows another frame or a parameter changes");
    form->addRow(follow);
    connect(follow, &QCheckBox::toggled, this, &MethodPanel::followToggled);
    followsFrame_ = [follow] { return follow->isChecked(); };
  }

  auto* run = new QPushButton("Run " + QString::fromStdString(spec_.name));
  run->setDefault(true);
  form->addRow(run);
  connect(run, &QPushButton::clicked, this, &MethodPanel::runRequested);
}

void MethodPanel::setLayerNames(const QStringList& names) {
  for (const auto& picker : layerPickers_) picker(names);
}

bool MethodPanel::followsFrame() const {
  return followsFrame_ && followsFrame_();
}

RunRequest MethodPanel::request(const LayerList& layers, const std::vector<bool>& shownFrameOnly) const {
  RunRequest request{spec_.name, {}, {}, runOn_()};
  // shownFrameOnly counts the inputs given, as inputNames() does
  for (const auto& input : inputs_)
    if (auto data = input(
            layers, request.inputs.size() < shownFrameOnly.size() && shownFrameOnly[request.inputs.size()]))
      request.inputs.push_back(std::move(*data));
  for (std::size_t i = 0; i < spec_.params.size(); ++i) request.params[spec_.params[i].name] = paramTexts_[i]();
  return request;
}

std::vector<std::string> MethodPanel::inputNames() const {
  std::vector<std::string> names;
  for (const auto& name : inputNames_)
    if (std::string text = name(); !text.empty()) names.push_back(std::move(text));
  return names;
}

}  // namespace lqs::gui
