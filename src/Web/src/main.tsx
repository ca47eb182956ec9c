import { lazy, StrictMode, Suspense } from "react";
import { createRoot } from "react-dom/client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { BrowserRouter, Navigate, Route, Routes } from "react-router";
import { RequireSession } from "./auth/RequireSession";
import { AcceptInvitation } from "./screens/AcceptInvitation";
import { ForgotPassword } from "./screens/ForgotPassword";
import { ResetPassword } from "./screens/ResetPassword";
import { VerifyEmail } from "./screens/VerifyEmail";
import { Accounts } from "./screens/Accounts";
import { AppShell } from "./screens/AppShell";
import { Calendar } from "./screens/Calendar";
import { Composer } from "./screens/Composer";
import { ConnectCallback } from "./screens/ConnectCallback";
import { Import } from "./screens/Import";
import { PostDetail } from "./screens/PostDetail";
import { Posts } from "./screens/Posts";
import { Settings } from "./screens/Settings";
import { SignIn } from "./screens/SignIn";
import { SignUp } from "./screens/SignUp";
import "./styles.css";

// Charts are heavy and only this screen draws them: it loads when first opened, keeping the first load light.
const Analytics = lazy(() => import("./screens/Analytics"));

const queries = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 30_000 } } });

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={queries}>
      <BrowserRouter>
        <Routes>
          <Route path="/sign-in" element={<SignIn />} />
          <Route path="/sign-up" element={<SignUp />} />
          <Route path="/accept-invitation" element={<AcceptInvitation />} />
          <Route path="/forgot-password" element={<ForgotPassword />} />
          <Route path="/reset-password" element={<ResetPassword />} />
          <Route path="/verify-email" element={<VerifyEmail />} />
          <Route element={<RequireSession />}>
            <Route element={<AppShell />}>
              <Route path="/accounts" element={<Accounts />} />
              <Route path="/accounts/callback/:platform" element={<ConnectCallback />} />
              <Route path="/posts" element={<Posts />} />
              <Route path="/posts/:id" element={<PostDetail />} />
              <Route path="/compose" element={<Composer />} />
              <Route path="/calendar" element={<Calendar />} />
              <Route path="/calendar/import" element={<Import />} />
              <Route path="/settings" element={<Settings />} />
              <Route path="/analytics" element={<Suspense fallback={<p role="status">Loading…</p>}><Analytics /></Suspense>} />
            </Route>
          </Route>
          <Route path="*" element={<Navigate to="/accounts" replace />} />
        </Routes>
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
