#include "indexer/work_queue.h"

#include <catch2/catch.hpp>
#include <thread>
#include <vector>

TEST_CASE("work queue: FIFO order, drained after close", "[work_queue]") {
  cs::WorkQueue<int> queue(4);
  for (int i = 0; i < 3; ++i) CHECK(queue.push(i));
  queue.close();
  CHECK_FALSE(queue.push(9));
  for (int i = 0; i < 3; ++i) CHECK(queue.pop() == i);
  CHECK_FALSE(queue.pop().has_value());
}

TEST_CASE("work queue: a small queue carries every item between threads in order", "[work_queue]") {
  cs::WorkQueue<int> queue(2);
  constexpr int kItems = 10000;
  std::thread producer([&] {
    for (int i = 0; i < kItems; ++i) queue.push(i);
    queue.close();
  });
  std::vector<int> received;
  while (auto item = queue.pop()) received.push_back(*item);
  producer.join();
  REQUIRE(received.size() == kItems);
  for (int i = 0; i < kItems; ++i) CHECK(received[i] == i);
}

TEST_CASE("work queue: close releases a producer blocked on a full queue", "[work_queue]") {
  cs::WorkQueue<int> queue(1);
  queue.push(1);
  bool pushed = true;
  std::thread producer([&] { pushed = queue.push(2); });
  queue.close();
  producer.join();
  CHECK_FALSE(pushed);
}
