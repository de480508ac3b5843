import { AppShell } from "./components/AppShell.tsx";
import { SessionProvider } from "./components/SessionProvider.tsx";
import { useLocation } from "./hooks/useLocation.ts";
import { CompanyPage } from "./pages/CompanyPage.tsx";
import { DashboardPage } from "./pages/DashboardPage.tsx";
import { NotFoundPage } from "./pages/NotFoundPage.tsx";
import { TasksPage } from "./pages/TasksPage.tsx";
import { UsersPage } from "./pages/UsersPage.tsx";

/** The portal: sign-in first, then one page per address. */
export function App() {
  return (
    <SessionProvider>
      <AppShell>
        <Routes />
      </AppShell>
    </SessionProvider>
  );
}

function Routes() {
  const { pathname } = useLocation();
  if (pathname === "/" || pathname === "/dashboard") return <DashboardPage />;
  if (pathname === "/tasks") return <TasksPage />;
  if (pathname === "/users") return <UsersPage />;
  const company = /^\/companies\/([^/]+)\/?$/.exec(pathname);
  if (company?.[1]) return <CompanyPage key={company[1]} companyId={decodeURIComponent(company[1])} />;
  return <NotFoundPage />;
}
