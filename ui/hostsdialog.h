#pragma once

#include "fleet/hostinfo.h"
#include "util/result.h"

#include <QDialog>
#include <QPointer>
#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace Umbra {

class Engine;

// Adds and removes the hosts Umbra watches. The engine validates and persists;
// this dialog shows its verdict next to the URI field, so a typo is explained
// where it was made.
class HostsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit HostsDialog(Engine *engine, QWidget *parent = nullptr);

    QLineEdit *uriEdit() const { return m_uriEdit; }
    QLineEdit *exporterEdit() const { return m_exporterEdit; }
    QString errorText() const;
    // Adds the URI in the field; returns false and shows the reason on failure.
    bool addFromField();

private:
    void reload();
    void setStatus(const HostStatus &status);
    void removeSelected();
    QString selectedUri() const;
    // Asks for a URL of the selected host and sets it, showing why not.
    void editUrl(const QString &title, const QString &question, const QString &current,
                 const std::function<Result<void>(const QString &)> &set);
    void editExporter();
    void editPrometheus();
    void updateButtons();

    QPointer<Engine> m_engine;
    QTreeWidget *m_list = nullptr;
    QLineEdit *m_uriEdit = nullptr;
    QLineEdit *m_exporterEdit = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    QPushButton *m_exporterButton = nullptr;
    QPushButton *m_prometheusButton = nullptr;
};

} // namespace Umbra
