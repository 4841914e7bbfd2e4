#pragma once

#include <QFrame>

class QLabel;

namespace Umbra {

// A headline figure for the overview: a caption, a large value, a detail line.
class SummaryTile : public QFrame
{
    Q_OBJECT

public:
    explicit SummaryTile(const QString &caption, QWidget *parent = nullptr);

    void setValue(const QString &value, const QString &detail = {});
    QString value() const;

private:
    QLabel *m_caption = nullptr;
    QLabel *m_value = nullptr;
    QLabel *m_detail = nullptr;
};

} // namespace Umbra
