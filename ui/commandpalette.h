#pragma once

#include <QDialog>
#include <functional>

class QLineEdit;
class QListWidget;

namespace Umbra {

// Ctrl+K: one line that finds any host, VM or action by name and runs it.
// Every word typed must appear in an entry (in any order, any case); those
// whose name starts with the first word come first. Up and Down move, Enter
// runs, Escape closes.
class CommandPalette : public QDialog
{
    Q_OBJECT

public:
    struct Entry
    {
        QString text; // what is matched and shown: "Shut down web03"
        QString detail; // shown after it, muted: "VM on kvm01"
        std::function<void()> run;
    };

    explicit CommandPalette(QWidget *parent = nullptr);

    void setEntries(QList<Entry> entries);
    void setQuery(const QString &query);
    QLineEdit *input() const { return m_input; }
    // The entries shown for the query, best first.
    QStringList shownTexts() const;
    // Runs the highlighted entry and closes; false when none is.
    bool runCurrent();

    static bool matches(const QString &text, const QStringList &words);
    // How many entries are shown at most: the rest is one more word away.
    static constexpr int kShown = 50;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refilter();

    QLineEdit *m_input = nullptr;
    QListWidget *m_list = nullptr;
    QList<Entry> m_entries;
    QList<int> m_shown; // entry index per list row
};

} // namespace Umbra
