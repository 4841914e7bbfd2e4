#include "commandpalette.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace Umbra {

CommandPalette::CommandPalette(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Go to or run"));
    setObjectName(QStringLiteral("commandPalette"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    m_input = new QLineEdit(this);
    m_input->setPlaceholderText(tr("Type a host, a VM or an action — e.g. “shut web”"));
    m_input->setClearButtonEnabled(true);
    m_input->installEventFilter(this);
    layout->addWidget(m_input);
    m_list = new QListWidget(this);
    m_list->setUniformItemSizes(true);
    m_list->setFocusPolicy(Qt::NoFocus); // typing stays in the line
    layout->addWidget(m_list);
    connect(m_input, &QLineEdit::textChanged, this, &CommandPalette::refilter);
    connect(m_input, &QLineEdit::returnPressed, this, &CommandPalette::runCurrent);
    connect(m_list, &QListWidget::itemActivated, this, [this] { runCurrent(); });
    resize(560, 380);
}

void CommandPalette::setEntries(QList<Entry> entries)
{
    m_entries = std::move(entries);
    refilter();
}

void CommandPalette::setQuery(const QString &query)
{
    m_input->setText(query);
}

bool CommandPalette::matches(const QString &text, const QStringList &words)
{
    return std::all_of(words.cbegin(), words.cend(), [&](const QString &word) {
        return text.contains(word, Qt::CaseInsensitive);
    });
}

void CommandPalette::refilter()
{
    const QStringList words = m_input->text().simplified().split(u' ', Qt::SkipEmptyParts);
    QList<int> found;
    for (int i = 0; i < m_entries.size(); ++i) {
        if (matches(m_entries[i].text + u' ' + m_entries[i].detail, words))
            found.append(i);
    }
    // A name that starts with the first word is more likely the one meant;
    // then the shorter, then the alphabetical.
    const QString first = words.value(0);
    auto rank = [&](int i) {
        const QString &text = m_entries[i].text;
        const QStringList words = text.split(u' ', Qt::SkipEmptyParts);
        const auto startsWithFirst = [&](const QString &w) {
            return !first.isEmpty() && w.startsWith(first, Qt::CaseInsensitive);
        };
        const bool starts = !words.isEmpty() && startsWithFirst(words.first());
        const bool word = std::any_of(words.cbegin(), words.cend(), startsWithFirst);
        return std::tuple(!starts, !word, text.size(), text);
    };
    std::stable_sort(found.begin(), found.end(), [&](int a, int b) { return rank(a) < rank(b); });
    if (found.size() > kShown)
        found.resize(kShown);
    m_shown = found;
    m_list->clear();
    for (int i : std::as_const(m_shown)) {
        const Entry &e = m_entries[i];
        m_list->addItem(e.detail.isEmpty() ? e.text
                                           : e.text + QStringLiteral("   —   ") + e.detail);
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
}

QStringList CommandPalette::shownTexts() const
{
    QStringList texts;
    for (int i : m_shown)
        texts.append(m_entries[i].text);
    return texts;
}

bool CommandPalette::runCurrent()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_shown.size())
        return false;
    const std::function<void()> run = m_entries[m_shown[row]].run;
    accept();
    if (run)
        run();
    return true;
}

bool CommandPalette::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_Up || key == Qt::Key_PageDown
            || key == Qt::Key_PageUp) {
            // The list moves while the typing stays where it is.
            QCoreApplication::sendEvent(m_list, event);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace Umbra
