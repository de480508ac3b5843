import { useSession } from "../hooks/useSession.ts";
import { ROLE_LABEL } from "../lib/labels.ts";
import { BrandMark } from "./BrandMark.tsx";
import { Link } from "./Link.tsx";
import { NavLink } from "./NavLink.tsx";
import { PartnerPicker } from "./PartnerPicker.tsx";
import { PartnershipSwitcher } from "./PartnershipSwitcher.tsx";

/** Brand, main navigation, the partnership/partner choice and the signed-in person. */
export function SiteHeader() {
  const session = useSession();
  const { me } = session;
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="site-header__brand">
          <BrandMark size={26} />
          <span>Partner Portal</span>
        </Link>
        <nav aria-label="Main" className="site-nav">
          <NavLink to="/" exact>
            Dashboard
          </NavLink>
          <NavLink to="/tasks">Tasks</NavLink>
          {session.canManageUsers && <NavLink to="/users">Users</NavLink>}
        </nav>
        <div className="site-header__scope">
          {session.isVendor && <PartnerPicker />}
          <PartnershipSwitcher />
        </div>
        <div className="site-header__user">
          <div className="site-header__who">
            <span className="site-header__name">{me.name}</span>
            <span className="site-header__role">
              {ROLE_LABEL[me.role] ?? me.role}
              {me.partnerName ? ` · ${me.partnerName}` : ""}
            </span>
          </div>
          <button
            type="button"
            className="button button--small button--quiet"
            onClick={() => void session.signOut()}
          >
            Sign out
          </button>
        </div>
      </div>
    </header>
  );
}
