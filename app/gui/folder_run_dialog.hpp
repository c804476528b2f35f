#pragma once
// Workflows > Run on a Folder of Files: asks for the workflow file, the folder of TIFFs and where
// outputs go (next to each file unless a folder is chosen). Remembers the folders in QSettings.
#include <QDialog>

class QLineEdit;

namespace lqs::gui {

class FolderRunDialog : public QDialog {
  Q_OBJECT
 public:
  explicit FolderRunDialog(QWidget* parent = nullptr);

  QString workflowFile() const;
  QString folder() const;
  QString outputFolder() const;  // empty: next to each file

  void accept() override;  // keeps the choices for next time

 private:
  QLineEdit *workflow_, *folder_, *output_;
};

}  // namespace lqs::gui
