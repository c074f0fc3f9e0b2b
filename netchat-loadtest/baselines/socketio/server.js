// A plain socket.io room server: no auth, no storage. A socket joins the rooms named in ?rooms=1,2;
// a client's ["msg", room, text] is emitted to everyone in the room (sender included) as ["msg", text].
// Run: PORT=3000 node server.js
const { createServer } = require("http");
const { Server } = require("socket.io");

const port = Number(process.env.PORT || 3000);
const httpServer = createServer();
const io = new Server(httpServer, {
  transports: ["websocket"],
  serveClient: false,
  perMessageDeflate: false,
  cors: { origin: "*" },
});

io.on("connection", (socket) => {
  const rooms = String(socket.handshake.query.rooms || "").split(",").filter(Boolean);
  if (rooms.length) socket.join(rooms);
  socket.on("msg", (room, text) => {
    io.to(String(room)).emit("msg", text);
  });
});

httpServer.listen(port, "127.0.0.1", () => {
  console.log(`socket.io room server on 127.0.0.1:${port} pid ${process.pid}`);
});
