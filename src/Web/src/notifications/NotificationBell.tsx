import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { Button } from "react-aria-components";
import type { NotificationView } from "./notificationPage";
import { useNotifications } from "./useNotifications";

// The list opens in a popover whose code loads on first use, keeping the first load light.
const NotificationPanel = lazy(() => import("./NotificationPanel"));

/** The shell's notifications button: the unread count, kept current by the live stream, and the list it opens. */
export function NotificationBell() {
  const notifications = useNotifications();
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const arrival = useArrivalAnnouncement(!notifications.isPending, notifications.items[0]);

  return (
    <>
      <Button ref={trigger} className="bell" aria-expanded={open} onPress={() => setOpen(!open)}>
        Notifications{" "}
        {notifications.unread > 0 && <span className="badge">{notifications.unreadLabel}<span className="visually-hidden"> unread</span></span>}
      </Button>
      {open && (
        <Suspense fallback={null}>
          <NotificationPanel notifications={notifications} triggerRef={trigger} onClose={() => setOpen(false)} />
        </Suspense>
      )}
      <p role="status" className="visually-hidden">{arrival}</p>
    </>
  );
}

/** Words for screen readers when a notification arrives while the page is open; nothing for those already there when it loaded. */
function useArrivalAnnouncement(loaded: boolean, newest: NotificationView | undefined) {
  // The newest id seen so far ("" for an empty list); null until the list first loads.
  const seen = useRef<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  useEffect(() => {
    if (!loaded) return;
    const id = newest?.id ?? "";
    if (seen.current !== null && id !== seen.current && newest && !newest.readAt) setAnnouncement(`New notification: ${newest.title}`);
    seen.current = id;
  }, [loaded, newest]);
  return announcement;
}
