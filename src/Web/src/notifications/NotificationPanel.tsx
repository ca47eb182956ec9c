import { useRef, type RefObject } from "react";
import { Button, Dialog, Heading, Popover } from "react-aria-components";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/client";
import { toProblem } from "../api/problem";
import { ProblemAlert } from "../screens/ProblemAlert";
import { QueryState } from "../screens/QueryState";
import { withRead, type NotificationPage } from "./notificationPage";
import { notificationsKey, type Notifications } from "./useNotifications";

type Props = { notifications: Notifications; triggerRef: RefObject<HTMLButtonElement | null>; onClose: () => void };

/** The newest notifications, the unread ones in bold, each to mark read, or all at once. */
export default function NotificationPanel({ notifications, triggerRef, onClose }: Props) {
  const queries = useQueryClient();
  const dialog = useRef<HTMLElement>(null);
  const markRead = useMutation({
    mutationFn: async (id?: string) => {
      const { error } = id
        ? await api.POST("/api/v1/notifications/{id}/read", { params: { path: { id } } })
        : await api.POST("/api/v1/notifications/read-all");
      if (error) throw error;
    },
    // Shown read at once; the list is asked for again either way, so a refusal puts it back as the host has it.
    onMutate: (id) => queries.setQueryData<NotificationPage>(notificationsKey, (page) => withRead(page, id ? [id] : undefined)),
    onSettled: () => queries.invalidateQueries({ queryKey: notificationsKey }),
  });
  // The pressed button goes away once its item is read: focus stays in the list rather than falling to the page.
  const read = (id: string | undefined) => {
    markRead.mutate(id);
    dialog.current?.focus();
  };

  return (
    <Popover isOpen onOpenChange={(open) => !open && onClose()} triggerRef={triggerRef} placement="bottom end" className="notifications-popover">
      <Dialog ref={dialog} className="notifications" aria-labelledby="notifications-title">
        <div className="toolbar">
          <Heading id="notifications-title" slot="title">Notifications</Heading>
          <Button className="secondary" isDisabled={notifications.unread === 0 || markRead.isPending} onPress={() => read(undefined)}>
            Mark all read
          </Button>
        </div>
        {markRead.error && <ProblemAlert problem={toProblem(markRead.error, "Could not mark it read. Try again.")} />}
        <QueryState isPending={notifications.isPending} error={notifications.error} isEmpty={notifications.items.length === 0} empty="Nothing yet.">
          <ol>
            {notifications.items.map((item) => (
              <li key={item.id} className={item.readAt ? "read" : "unread"}>
                <p className="title">{item.title}</p>
                {item.body && <p>{item.body}</p>}
                <p className="description">
                  <time dateTime={item.createdAt}>{item.createdAt ? new Date(item.createdAt).toLocaleString() : ""}</time>
                  {!item.readAt && <span className="visually-hidden">, unread</span>}
                </p>
                {!item.readAt && (
                  <Button className="secondary" aria-label={`Mark read: ${item.title}`} isDisabled={markRead.isPending} onPress={() => read(item.id)}>
                    Mark read
                  </Button>
                )}
              </li>
            ))}
          </ol>
        </QueryState>
      </Dialog>
    </Popover>
  );
}
