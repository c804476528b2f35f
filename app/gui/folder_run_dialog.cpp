#include "app/gui/folder_run_dialog.hpp"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSettings>
#include <QToolButton>

namespace lqs::gui {

namespace {

// A line edit with a "…" button that opens `browse` from the edit's current text.
QWidget* pathRow(QLineEdit* edit, const std::function<QString(const QString&)>& browse) {
  auto* row = new QWidget;
  auto* layout = new QHBoxLayout(row);
  layout->setContentsMargins(0, 0, 0, 0);
  auto* button = new QToolButton;
  button->setText("…");
  layout->addWidget(edit, 1);
  layout->addWidget(button);
  QObject::connect(button, &QToolButton::clicked, edit, [edit, browse] {
    const QString chosen = browse(edit->text());
    if (!chosen.isEmpty()) edit->setText(chosen);
  });
  edit->setMinimumWidth(360);
  return row;
}

}  // namespace

FolderRunDialog::FolderRunDialog(QWidget* parent)
    : QDialog(parent), workflow_(new QLineEdit), folder_(new QLineEdit), output_(new QLineEdit) {
  setWindowTitle("Run a workflow on a folder of files");
  QSettings settings;
  workflow_->setText(settings.value("folderRun/workflow").toString());
  folder_->setText(settings.value("folderRun/folder").toString());
  output_->setText(settings.value("folderRun/output").toString());
  output_->setPlaceholderText("next to each file");
  auto* form = new QFormLayout(this);
  form->addRow("workflow", pathRow(workflow_, [this](const QString& from) {
                 return QFileDialog::getOpenFileName(this, "Workflow", from, "Workflows (*.json)");
               }));
  form->addRow("TIFF folder", pathRow(folder_, [this](const QString& from) {
                 return QFileDialog::getExistingDirectory(this, "Folder of TIFF files", from);
               }));
  form->addRow("output folder", pathRow(output_, [this](const QString& from) {
                 return QFileDialog::getExistingDirectory(this, "Output folder", from);
               }));
  workflow_->setToolTip("Its one input file is replaced by each TIFF in turn");
  output_->setToolTip("Outputs are named <file>_<output>; leave empty to write them next to each file");
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
  form->addRow(buttons);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString FolderRunDialog::workflowFile() const { return workflow_->text().trimmed(); }
QString FolderRunDialog::folder() const { return folder_->text().trimmed(); }
QString FolderRunDialog::outputFolder() const { return output_->text().trimmed(); }

void FolderRunDialog::accept() {
  QSettings settings;
  settings.setValue("folderRun/workflow", workflowFile());
  settings.setValue("folderRun/folder", folder());
  settings.setValue("folderRun/output", outputFolder());
  QDialog::accept();
}

}  // namespace lqs::gui
