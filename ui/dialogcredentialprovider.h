#pragma once

#include "collect/credentialprovider.h"

#include <QObject>
#include <QPointer>
#include <QWidget>

namespace Umbra {

// Answers libvirt's authentication requests with a dialog. provide() is called
// on a host session's thread; it blocks that thread (and only that one) while
// the dialog runs on the GUI thread.
class DialogCredentialProvider : public CredentialProvider
{
public:
    // `parent` (optional) centres the dialog over the main window.
    explicit DialogCredentialProvider(QWidget *parent = nullptr);

    bool provide(CredentialRequest &request) override;

private:
    QPointer<QWidget> m_parent;
};

} // namespace Umbra
