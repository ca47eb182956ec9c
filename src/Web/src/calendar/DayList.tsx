import { Button, Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";
import { Link } from "react-router";
import type { Entry } from "./DayCell";
import { timeIn } from "./days";

type Props = { title: string; entries: Entry[]; timeZone: string; onClose: () => void };

/** Every post of one day, opened from its cell's "+N more"; loaded on first use, so the calendar's first load stays light. */
export default function DayList({ title, entries, timeZone, onClose }: Props) {
  return (
    <ModalOverlay isOpen isDismissable onOpenChange={(open) => !open && onClose()} className="modal-overlay">
      <Modal className="modal">
        <Dialog className="day-list">
          <Heading slot="title">{title}: {entries.length} posts</Heading>
          <ol>
            {entries.map((entry) => (
              <li key={entry.postId} className={`entry ${entry.status?.toLowerCase() ?? ""}`}>
                <time dateTime={entry.at}>{entry.at ? timeIn(timeZone, entry.at) : ""}</time>{" "}
                <Link to={`/posts/${entry.postId}`}>{entry.title || entry.platforms?.join(", ") || "Post"}</Link>{" "}
                <span className="status">{entry.status}</span>
              </li>
            ))}
          </ol>
          <Button onPress={onClose}>Close</Button>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
