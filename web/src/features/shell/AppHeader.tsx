import { useState } from 'react';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import {
  Collapse,
  Header,
  HeaderContent,
  HeaderRightZone,
  Headers,
  HeaderToggler,
  Icon,
  Nav,
  NavItem,
} from 'design-react-kit';
import { useT } from '../../i18n/I18nProvider';
import { useSession } from '../session/SessionProvider';
import { CHANGE_PASSWORD_PATH } from '../session/RequireSession';
import { destinationsFor } from './destinations';
import { LanguageSwitch } from './LanguageSwitch';

/** Bootstrap Italia header: slim bar (owner, language, account), brand, and the menu for the user's role. */
export function AppHeader() {
  const t = useT();
  const { state } = useSession();
  const me = state.status === 'authenticated' ? state.me : null;
  return (
    <header>
      <Headers>
        <Header type="slim" theme="">
          <HeaderContent>
            <span className="navbar-brand d-none d-lg-block">{t.app.owner}</span>
            <HeaderRightZone>
              <LanguageSwitch />
              {me && <AccountZone fullName={me.fullName} />}
            </HeaderRightZone>
          </HeaderContent>
        </Header>
        <div className="it-nav-wrapper">
          <Header type="center" small>
            <HeaderContent>
              <div className="it-brand-wrapper">
                <Link to="/">
                  <Icon icon="it-pa" aria-hidden="true" />
                  <div className="it-brand-text">
                    <div className="it-brand-title">{t.app.name}</div>
                    <div className="it-brand-tagline d-none d-md-block">{t.app.tagline}</div>
                  </div>
                </Link>
              </div>
            </HeaderContent>
          </Header>
          {me && <MainMenu />}
        </div>
      </Headers>
    </header>
  );
}

function AccountZone({ fullName }: { fullName: string }) {
  const t = useT();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const logout = async () => {
    await signOut();
    void navigate('/login', { replace: true });
  };
  return (
    <div className="account-zone d-flex align-items-center gap-2">
      <span className="d-none d-lg-inline">{fullName}</span>
      <Link to={CHANGE_PASSWORD_PATH} className="btn btn-sm d-none d-md-inline-block">
        {t.shell.changePassword}
      </Link>
      <button type="button" className="btn btn-primary btn-sm btn-icon" onClick={() => void logout()}>
        <Icon icon="it-logout" color="white" size="sm" aria-hidden="true" />
        <span>{t.shell.logout}</span>
      </button>
    </div>
  );
}

function MainMenu() {
  const t = useT();
  const { state } = useSession();
  const [open, setOpen] = useState(false);
  const location = useLocation();
  const [lastPath, setLastPath] = useState(location.pathname);
  // Close the phone menu after navigating.
  if (lastPath !== location.pathname) {
    setLastPath(location.pathname);
    setOpen(false);
  }
  if (state.status !== 'authenticated') return null;
  const items = destinationsFor(state.me).filter((d) => d.inMenu);
  return (
    <Header type="navbar" theme="">
      <HeaderContent expand="lg" aria-label={t.shell.mainMenu}>
        <HeaderToggler
          aria-controls="main-menu"
          aria-label={t.shell.openMenu}
          isOpen={open}
          onClick={() => setOpen(!open)}
        >
          <Icon icon="it-burger" aria-hidden="true" />
        </HeaderToggler>
        <Collapse
          id="main-menu"
          isOpen={open}
          navbar
          header
          onOverlayClick={() => setOpen(false)}
          closeSrText={t.shell.closeMenu}
          aria-label={open ? t.shell.mainMenu : undefined}
        >
          <div className="menu-wrapper">
            <Nav navbar>
              <NavItem>
                <NavLink to="/" end className="nav-link">
                  <span>{t.shell.home}</span>
                </NavLink>
              </NavItem>
              {items.map((item) => (
                <NavItem key={item.key}>
                  <NavLink to={item.path} className="nav-link">
                    <span>{t.destinations[item.key].menu}</span>
                  </NavLink>
                </NavItem>
              ))}
              <NavItem className="d-md-none">
                <NavLink to={CHANGE_PASSWORD_PATH} className="nav-link">
                  <span>{t.shell.changePassword}</span>
                </NavLink>
              </NavItem>
            </Nav>
          </div>
        </Collapse>
      </HeaderContent>
    </Header>
  );
}
